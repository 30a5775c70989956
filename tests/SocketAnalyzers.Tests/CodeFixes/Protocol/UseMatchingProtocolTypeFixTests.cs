using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Protocol.InvalidSocketConstructorArgumentsAnalyzer,
    SocketAnalyzers.CodeFixes.Protocol.UseMatchingProtocolTypeFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Protocol
{
    public sealed class UseMatchingProtocolTypeFixTests
    {
        [Fact]
        public async Task DatagramWithTcp_BecomesUdp_AndFixAllFixesEveryCall()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    Socket A() => {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Tcp)|};
                    Socket B() => {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, System.Net.Sockets.ProtocolType.Udp)|};
                    Socket U() => {|#2:new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Tcp)|};
                }
                """;
            const string fixedSource = """
                using System.Net.Sockets;

                class C
                {
                    Socket A() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    Socket B() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    Socket U() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments("AddressFamily.InterNetwork", "SocketType.Dgram", "ProtocolType.Tcp", "throws SocketException (ProtocolNotSupported)"),
                    Verify.Diagnostic("SOCK109").WithLocation(1).WithArguments("AddressFamily.InterNetwork", "SocketType.Stream", "System.Net.Sockets.ProtocolType.Udp", "throws SocketException (ProtocolNotSupported)"),
                    Verify.Diagnostic("SOCK109").WithLocation(2).WithArguments("AddressFamily.Unix", "SocketType.Stream", "ProtocolType.Tcp", "throws SocketException (ProtocolNotSupported)"),
                },
                fixedSource);
        }

        [Fact]
        public async Task IcmpOnStreamOrDatagram_HasNoFix()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    Socket A() => {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Icmp)|};
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments("AddressFamily.InterNetwork", "SocketType.Stream", "ProtocolType.Icmp", "throws SocketException (ProtocolNotSupported)") },
                source);
        }

        [Fact]
        public async Task SeqpacketOnIp_HasNoFix()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    Socket A() => {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Seqpacket, ProtocolType.IP)|};
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK109").WithLocation(0).WithArguments("AddressFamily.InterNetwork", "SocketType.Seqpacket", "ProtocolType.IP", "throws SocketException (SocketNotSupported)") },
                source);
        }
    }
}
