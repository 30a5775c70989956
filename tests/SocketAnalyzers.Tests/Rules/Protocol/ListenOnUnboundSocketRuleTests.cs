using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class ListenOnUnboundSocketRuleTests
    {
        internal const string Outcome = "succeeds on an ephemeral port of every interface, and Accept then throws InvalidOperationException (on Unix sockets and Windows, Listen itself throws)";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.ListenOnUnboundSocket);

        [Fact]
        public async Task ListenOnFreshTcpSocket_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        using var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        s.{|#0:Listen|}(10);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "unbound", Outcome));
        }

        [Fact]
        public async Task ListenOnSocketFromSummarisedFactory_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = Create();
                        s.{|#0:Listen|}();
                    }

                    private static Socket Create()
                    {
                        var socket = {|#1:new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)|};
                        socket.DualMode = true;
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "unbound", Outcome));
        }

        [Fact]
        public async Task BoundFirstOrGuardedOrUnknown_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, Socket parameter, System.IntPtr handle)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(ep);
                        s.Listen();

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (!t.IsBound)
                        {
                            t.Bind(ep);
                        }

                        t.Listen();

                        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.Listen();

                        parameter.Listen();
                        new Socket(new SafeSocketHandle(handle, false)).Listen();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task HalfTypedCode_DoesNotThrow()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.{|CS0117:Tpc|});
                        s.{|CS1061:Lisen|}();
                        var u = new {|CS0246:Sokcet|}();
                        u.Listen();
                        {|CS0103:v|}.Listen({|CS1026:|}{|CS1002:|}
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
