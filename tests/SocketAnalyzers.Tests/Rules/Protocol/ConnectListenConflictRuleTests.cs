using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class ConnectListenConflictRuleTests
    {
        private const string ConnectThrows = "throws InvalidOperationException";
        private const string ListenThrows = "throws SocketException (InvalidArgument)";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.ConnectListenConflict);

        [Theory]
        [InlineData("Connect")]
        [InlineData("ConnectAsync")]
        [InlineData("BeginConnect")]
        public async Task ConnectOnListeningSocket_Reports(string connect)
        {
            var arguments = connect == "BeginConnect" ? "remote, null, null" : "remote";
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint local, IPEndPoint remote)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(local);
                        {|#1:s.Listen()|};
                        s.{|#0:{{connect}}|}({{arguments}});
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", connect, "listening after 'Listen'", ConnectThrows));
        }

        [Fact]
        public async Task ListenOnAcceptedSocket_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(Socket listener)
                    {
                        using var peer = {|#1:listener.Accept()|};
                        peer.{|#0:Listen|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("peer", "Listen", "connected after 'Accept'", ListenThrows));
        }

        [Fact]
        public async Task ConnectOnStartedListenersSocket_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint remote)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        {|#1:listener.Start()|};
                        listener.Server.{|#0:Connect|}(remote);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("listener.Server", "Connect", "listening after 'Start'", ConnectThrows));
        }

        [Fact]
        public async Task SeparateSocketsOrOnePath_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint local, IPEndPoint remote, bool serve)
                    {
                        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        server.Bind(local);
                        server.Listen();
                        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        client.Connect(remote);

                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (serve)
                        {
                            s.Bind(local);
                            s.Listen();
                        }

                        s.Connect(remote);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
