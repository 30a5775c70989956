using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Protocol.InvalidSocketConstructorArgumentsAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class InvalidSocketConstructorArgumentsAnalyzerTests
    {
        public static TheoryData<string, string, string, string> IllegalCombinations => new()
        {
            // Measured: I4, I5, I6, I7, I9, I10, I12, I13.
            { "AddressFamily.InterNetwork", "SocketType.Dgram", "ProtocolType.Tcp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.Udp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.Icmp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.InterNetworkV6", "SocketType.Dgram", "ProtocolType.Tcp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.InterNetwork", "SocketType.Seqpacket", "ProtocolType.IP", "throws SocketException (SocketNotSupported)" },
            { "AddressFamily.InterNetwork", "SocketType.Unknown", "ProtocolType.Tcp", "throws SocketException (ProtocolType)" },
            { "AddressFamily.Unix", "SocketType.Stream", "ProtocolType.Tcp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.Unix", "SocketType.Dgram", "ProtocolType.Udp", "throws SocketException (ProtocolNotSupported)" },

            // Measured by tests/SocketAnalyzers.GroundTruth.Tests (SocketConstructorGroundTruthTests).
            { "AddressFamily.Unix", "SocketType.Stream", "ProtocolType.Icmp", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.Unix", "SocketType.Rdm", "ProtocolType.Unspecified", "throws SocketException (SocketNotSupported)" },
            { "AddressFamily.InterNetwork", "SocketType.Dgram", "ProtocolType.IcmpV6", "throws SocketException (ProtocolNotSupported)" },
            { "AddressFamily.InterNetworkV6", "SocketType.Dgram", "ProtocolType.Raw", "throws SocketException (ProtocolNotSupported)" },
        };

        public static TheoryData<string, string, string> LegalCombinations => new()
        {
            // Measured: I1, I2, I3, I11, I14, I15, I16; (Unspecified, Stream, Tcp) fails on Linux but is documented to work on Windows.
            { "AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.Tcp" },
            { "AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.IP" },
            { "AddressFamily.InterNetwork", "SocketType.Dgram", "ProtocolType.IP" },
            { "AddressFamily.InterNetworkV6", "SocketType.Dgram", "ProtocolType.Udp" },
            { "AddressFamily.Unix", "SocketType.Stream", "ProtocolType.IP" },
            { "AddressFamily.Unix", "SocketType.Dgram", "ProtocolType.Unspecified" },
            { "AddressFamily.Unix", "SocketType.Seqpacket", "ProtocolType.IP" },
            { "AddressFamily.Unspecified", "SocketType.Stream", "ProtocolType.Tcp" },

            // Ping sockets: legal; they fail only for users outside net.ipv4.ping_group_range (P-ping).
            { "AddressFamily.InterNetwork", "SocketType.Dgram", "ProtocolType.Icmp" },
            { "AddressFamily.InterNetworkV6", "SocketType.Dgram", "ProtocolType.IcmpV6" },
        };

        [Theory]
        [MemberData(nameof(IllegalCombinations))]
        public async Task IllegalCombination_Reports(string family, string type, string protocol, string outcome)
        {
            var source = $$"""
                using System.Net.Sockets;

                class C
                {
                    Socket M() => {|#0:new Socket({{family}}, {{type}}, {{protocol}})|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments(family, type, protocol, outcome));
        }

        [Theory]
        [MemberData(nameof(LegalCombinations))]
        public async Task LegalCombination_DoesNotReport(string family, string type, string protocol)
        {
            var source = $$"""
                using System.Net.Sockets;

                class C
                {
                    Socket M() => new Socket({{family}}, {{type}}, {{protocol}});
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task NamedArgumentsInAnyOrder_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    Socket M() => {|#0:new Socket(protocolType: ProtocolType.Udp, socketType: SocketType.Stream, addressFamily: AddressFamily.InterNetwork)|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments("AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.Udp", "throws SocketException (ProtocolNotSupported)"));
        }

        [Fact]
        public async Task ConstantFromLocalConst_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    const ProtocolType Protocol = ProtocolType.Tcp;

                    Socket M() => {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, Protocol)|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments("AddressFamily.InterNetwork", "SocketType.Dgram", "Protocol", "throws SocketException (ProtocolNotSupported)"));
        }

        [Fact]
        public async Task NonConstantArgument_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    Socket M(ProtocolType protocol) => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, protocol);
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task HalfTypedConstructor_DoesNotThrow()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    object M() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.{|CS0117:Tc|});
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
