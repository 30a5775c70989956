using System.Threading.Tasks;
using SocketAnalyzers.Tests.Rules.Protocol;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Protocol.AddBindBeforeListenFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Protocol
{
    public sealed class AddBindBeforeListenFixTests
    {
        [Fact]
        public async Task SingleEndpointInScope_IsBoundBeforeListen_AndFixAllFixesEveryListen()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(int port)
                    {
                        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
                        var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        // Accept connections.
                        s.{|#0:Listen|}(10);
                    }

                    void N(IPEndPoint local)
                    {
                        using var listener = {|#3:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        listener.{|#2:Listen|}();
                    }
                }

                class D
                {
                    private static readonly EndPoint Configured = new IPEndPoint(IPAddress.Any, 8080);

                    static void Serve()
                    {
                        var server = {|#5:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        server.{|#4:Listen|}();
                    }
                }
                """;
            const string fixedSource = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(int port)
                    {
                        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        // Accept connections.
                        s.Bind(endpoint);
                        s.Listen(10);
                    }

                    void N(IPEndPoint local)
                    {
                        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        listener.Bind(local);
                        listener.Listen();
                    }
                }

                class D
                {
                    private static readonly EndPoint Configured = new IPEndPoint(IPAddress.Any, 8080);

                    static void Serve()
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(Configured);
                        server.Listen();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK103").WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                    Verify.Diagnostic("SOCK103").WithLocation(2).WithLocation(3).WithArguments("listener", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                    Verify.Diagnostic("SOCK103").WithLocation(4).WithLocation(5).WithArguments("server", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                },
                fixedSource);
        }

        [Fact]
        public async Task NoOrSeveralEndpoints_OffersNoFix()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint a, IPEndPoint b)
                    {
                        var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        s.{|#0:Listen|}();
                    }

                    void N()
                    {
                        var s = {|#3:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        s.{|#2:Listen|}();
                        var late = new IPEndPoint(IPAddress.Loopback, 0);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK103").WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                    Verify.Diagnostic("SOCK103").WithLocation(2).WithLocation(3).WithArguments("s", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                },
                source);
        }
    }
}
