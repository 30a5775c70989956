using System;
using System.Net.Sockets;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// SOCK109's table against the real constructor: over every family × type × protocol below, the model flags a
    /// triple exactly when <c>new Socket(…)</c> throws SocketException, and the flagged outcome names the SocketError.
    /// </summary>
    public sealed class SocketConstructorGroundTruthTests
    {
        private static readonly AddressFamily[] Families = { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unix, AddressFamily.Unspecified };

        private static readonly SocketType[] Types = { SocketType.Stream, SocketType.Dgram, SocketType.Raw, SocketType.Seqpacket, SocketType.Rdm, SocketType.Unknown };

        // ProtocolType.Unspecified is ProtocolType.IP (both 0): one row stands for both.
        private static readonly ProtocolType[] Protocols = { ProtocolType.IP, ProtocolType.Tcp, ProtocolType.Udp, ProtocolType.Icmp, ProtocolType.IcmpV6, ProtocolType.Raw };

        public static TheoryData<AddressFamily, SocketType, ProtocolType> Triples()
        {
            var data = new TheoryData<AddressFamily, SocketType, ProtocolType>();
            foreach (var family in Families)
            {
                if (family == AddressFamily.InterNetworkV6 && !Socket.OSSupportsIPv6)
                {
                    continue;
                }

                foreach (var type in Types)
                {
                    // Raw sockets need CAP_NET_RAW: without it they fail for a reason that is not the combination.
                    if (type == SocketType.Raw && family != AddressFamily.Unix && !Environment.IsPrivilegedProcess)
                    {
                        continue;
                    }

                    foreach (var protocol in Protocols)
                    {
                        data.Add(family, type, protocol);
                    }
                }
            }

            return data;
        }

        [LinuxTheory]
        [MemberData(nameof(Triples))]
        public void Model_FlagsExactlyWhatTheConstructorRejects(AddressFamily family, SocketType type, ProtocolType protocol)
        {
            var violation = SocketConstructorRules.FindViolation((int)family, (int)type, (int)protocol);
            SocketException? thrown = null;
            try
            {
                new Socket(family, type, protocol).Dispose();
            }
            catch (SocketException exception)
            {
                thrown = exception;
            }

            if (thrown?.SocketErrorCode == SocketError.AccessDenied)
            {
                // A ping socket (Dgram + ICMP) is legal; whether this user may open one is net.ipv4.ping_group_range's
                // business (P-ping). The model must never flag a triple that only lacks permission.
                Assert.Null(violation);
                return;
            }

            if (family == AddressFamily.Unspecified)
            {
                // Windows documents Unspecified as legal, so the model does not flag it: only "flagged ⇒ throws" holds.
                Assert.True(violation is null || thrown is not null, $"flagged ({violation?.Outcome}) but the constructor succeeded");
                return;
            }

            Assert.True(
                (violation is not null) == (thrown is not null),
                $"model: {violation?.Outcome ?? "legal"}; constructor: {(thrown is null ? "succeeded" : ExpectedException.Describe(thrown))}");
            if (violation is not null)
            {
                var claim = Assert.IsType<ThrowsClaim>(OutcomeClaimParser.Parse(violation.Outcome));
                Assert.Null(claim.For(null)!.Mismatch(thrown!));
            }
        }
    }
}
