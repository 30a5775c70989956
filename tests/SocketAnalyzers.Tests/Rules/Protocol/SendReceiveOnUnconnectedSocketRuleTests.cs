using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class SendReceiveOnUnconnectedSocketRuleTests
    {
        private const string BrokenPipe = "throws SocketException (Shutdown, broken pipe)";
        private const string NotConnected = "throws SocketException (NotConnected)";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.SendReceiveOnUnconnectedSocket);

        [Theory]
        [InlineData("Send(new byte[1])", "Send", BrokenPipe)]
        [InlineData("SendAsync(new byte[1])", "SendAsync", BrokenPipe)]
        [InlineData("Receive(new byte[1])", "Receive", NotConnected)]
        [InlineData("ReceiveAsync(new byte[1])", "ReceiveAsync", NotConnected)]
        public async Task DataOnUnconnectedTcpSocket_Reports(string call, string member, string outcome)
        {
            var source = $$"""
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        s.{|#0:{{member}}|}{{call.Substring(member.Length)}};
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", member, "not connected", outcome));
        }

        [Fact]
        public async Task ReceiveOnListeningSocket_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(ep);
                        {|#1:s.Listen()|};
                        s.{|#0:Receive|}(new byte[16]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Receive", "listening after 'Listen'", NotConnected));
        }

        [Fact]
        public async Task SendAfterShutdownSend_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                        {|#1:s.Shutdown(SocketShutdown.Send)|};
                        s.{|#0:Send|}(new byte[1]);
                        s.Receive(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "shut down for sending after 'Shutdown'", BrokenPipe));
        }

        [Fact]
        public async Task DatagramWithoutDefaultRemote_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        {|#1:s.Bind(ep)|};
                        s.{|#0:Send|}(new byte[1]);

                        var unbound = {|#3:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                        unbound.{|#2:Receive|}(new byte[1]);

                        var client = {|#5:new UdpClient()|};
                        client.{|#4:Send|}(new byte[1], 1);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "bound after 'Bind'", "throws SocketException (DestinationAddressRequired)"),
                Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("unbound", "Receive", "unbound", "blocks until its timeout: no datagram can reach an unbound socket"),
                Verify.Diagnostic().WithLocation(4).WithLocation(5).WithArguments("client", "Send", "not connected", "throws InvalidOperationException"));
        }

        [Fact]
        public async Task MessageNamesTheOutcomeForThisMemberAndKind()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    async System.Threading.Tasks.Task M()
                    {
                        var unix = {|#1:new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)|};
                        unix.{|#0:Receive|}(new byte[1]);

                        var client = {|#3:new UdpClient()|};
                        await client.{|#2:SendAsync|}(new byte[1], 1);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("unix", "Receive", "not connected", "throws SocketException (InvalidArgument)"),
                Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("client", "SendAsync", "not connected", "throws SocketException (DestinationAddressRequired)"));
        }

        [Fact]
        public async Task PreviousInstanceFromTheSameCreationInALoop_DoesNotReport()
        {
            // The socket made by the previous iteration is connected; the new one made by the same `new` is not.
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, int n)
                    {
                        Socket? previous = null;
                        for (var i = 0; i < n; i++)
                        {
                            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                            if (previous != null)
                            {
                                previous.Send(new byte[1]);
                            }

                            s.Connect(ep);
                            previous = s;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ThroughRefLocalOrAfterAwaitOnAField_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    async Task M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        ref var alias = ref s;
                        alias = Connected(ep);
                        s.Send(new byte[1]);

                        this.socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await Task.Delay(1);
                        this.socket.Send(new byte[1]);
                    }

                    static Socket Connected(IPEndPoint ep)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(ep);
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ConnectedOrGuardedOrExplicitDestination_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, Socket parameter, bool connect)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (s.Connected)
                        {
                            s.Send(new byte[1]);
                        }

                        if (s.Connected == true)
                        {
                            s.Send(new byte[1]);
                        }

                        if (!(s.Connected is false))
                        {
                            s.Receive(new byte[1]);
                        }

                        if (connect)
                        {
                            s.Connect(ep);
                        }

                        s.Send(new byte[1]);

                        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.SendTo(new byte[1], ep);
                        udp.Receive(new byte[1]);

                        var client = new UdpClient();
                        client.Send(new byte[1], 1, ep);
                        var connected = new UdpClient("localhost", 9);
                        connected.Send(new byte[1], 1);

                        parameter.Send(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Theory]
        [InlineData("{|#1:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|}", "", "not connected")]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)", "{|#1:s.Bind(new IPEndPoint(IPAddress.Loopback, 0))|};", "bound after 'Bind'")]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)", "{|#1:s.Bind(new IPEndPoint(IPAddress.Loopback, 0))|};", "bound after 'Bind'")]
        public async Task ShutdownOfASocketThatNeverConnected_Reports(string creation, string setUp, string state)
        {
            // H1 (TCP) and H2 (UDP): NotConnected, and the Close after it never runs.
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = {{creation}};
                        {{setUp}}
                        s.{|#0:Shutdown|}(SocketShutdown.Both);
                        s.Close();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Shutdown", state, NotConnected));
        }

        [Theory]
        [InlineData("AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp", "s.Connect(remote);")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp", "s.Connect(remote);")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp", "s.Bind(new IPEndPoint(IPAddress.Loopback, 0)); s.Listen(1);")]
        [InlineData("AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified", "")]
        [InlineData("AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp", "try { s.Connect(remote); } catch (SocketException) { }")]
        public async Task ShutdownOfAConnectedListeningUnixOrMaybeConnectedSocket_DoesNotReport(string kind, string setUp)
        {
            // Connected (H2 for UDP), listening (H6: Linux accepts it), AF_UNIX (accepts it unconnected), and a socket
            // connected on one path only: the rule reports what every path makes certain.
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(EndPoint remote)
                    {
                        var s = new Socket({{kind}});
                        {{setUp}}
                        s.Shutdown(SocketShutdown.Both);
                        s.Close();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
