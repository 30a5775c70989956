namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// Which (AddressFamily, SocketType, ProtocolType) triples the <c>Socket</c> constructor rejects (scenarios
    /// I1–I19, P-raw*), the socket kind the legal ones create, and the protocol that matches a socket type.
    /// Arguments are the enums' integer values, so that the analyzer (constants) and the runtime verifier
    /// (live values) ask the same question.
    /// </summary>
    public static class SocketConstructorRules
    {
        // System.Net.Sockets enum values.
        public const int FamilyUnknown = -1;
        public const int FamilyUnix = 1;
        public const int FamilyInterNetwork = 2;
        public const int FamilyInterNetworkV6 = 23;
        public const int TypeUnknown = -1;
        public const int TypeStream = 1;
        public const int TypeDgram = 2;
        public const int TypeRaw = 3;
        public const int TypeRdm = 4;
        public const int TypeSeqpacket = 5;
        public const int ProtocolDefault = 0; // ProtocolType.IP and ProtocolType.Unspecified: "the type's default".
        public const int ProtocolIcmp = 1;
        public const int ProtocolTcp = 6;
        public const int ProtocolUdp = 17;
        public const int ProtocolIcmpV6 = 58;
        public const int ProtocolRaw = 255;

        /// <summary>The failure the constructor produces for this triple, or <see langword="null"/> when it is legal or not known to fail.</summary>
        public static ConstructorViolation? FindViolation(int family, int type, int protocol)
        {
            if (type == TypeUnknown)
            {
                return new ConstructorViolation("throws SocketException (ProtocolType)", "I9");
            }

            if (family == FamilyUnknown)
            {
                return new ConstructorViolation("throws SocketException (AddressFamilyNotSupported)", "I18");
            }

            // ICMPv6 does not exist on IPv4, whatever the type (ground truth: SocketConstructorGroundTruthTests).
            if (family == FamilyInterNetwork && protocol == ProtocolIcmpV6)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "SocketConstructorGroundTruthTests");
            }

            var isIp = family == FamilyInterNetwork || family == FamilyInterNetworkV6;
            if (isIp && (type == TypeSeqpacket || type == TypeRdm))
            {
                return new ConstructorViolation("throws SocketException (SocketNotSupported)", "I7, I8");
            }

            if (isIp && type == TypeStream && protocol != ProtocolDefault && protocol != ProtocolTcp)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "I5, I6");
            }

            if (isIp && type == TypeDgram && protocol == ProtocolTcp)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "I4, I10");
            }

            // A datagram socket carries UDP or ICMP (a ping socket, which only lacks permission where it fails, P-ping);
            // a raw IP protocol number is refused (ground truth).
            if (isIp && type == TypeDgram && protocol == ProtocolRaw)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "SocketConstructorGroundTruthTests");
            }

            if (isIp && type == TypeRaw && protocol == ProtocolDefault)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "P-raw3");
            }

            // Unix sockets take no IP protocol, of any number (I12, I13, ground truth), and have no reliable-datagram type.
            if (family == FamilyUnix && protocol != ProtocolDefault)
            {
                return new ConstructorViolation("throws SocketException (ProtocolNotSupported)", "I12, I13");
            }

            if (family == FamilyUnix && type == TypeRdm)
            {
                return new ConstructorViolation("throws SocketException (SocketNotSupported)", "SocketConstructorGroundTruthTests");
            }

            return null;
        }

        /// <summary>The protocol to use instead, for the code fix; <see langword="null"/> when no single one is right.</summary>
        public static int? MatchingProtocol(int family, int type)
        {
            if (family == FamilyUnix && (type == TypeStream || type == TypeDgram))
            {
                return ProtocolDefault;
            }

            if (family == FamilyInterNetwork || family == FamilyInterNetworkV6)
            {
                return type switch
                {
                    TypeStream => ProtocolTcp,
                    TypeDgram => ProtocolUdp,
                    _ => null,
                };
            }

            return null;
        }

        /// <summary>The kind of socket the constructor creates.</summary>
        public static SocketKind KindOf(int? family, int? type)
        {
            var transport = type switch
            {
                TypeStream => SocketTransport.Stream,
                TypeDgram => SocketTransport.Datagram,
                TypeRaw => SocketTransport.Raw,
                TypeSeqpacket => SocketTransport.SeqPacket,
                _ => SocketTransport.Unknown,
            };
            var addressFamily = family switch
            {
                FamilyInterNetwork => SocketFamily.IPv4,
                FamilyInterNetworkV6 => SocketFamily.IPv6,
                FamilyUnix => SocketFamily.Unix,
                _ => SocketFamily.Unknown,
            };
            return new SocketKind(transport, addressFamily);
        }
    }
}
