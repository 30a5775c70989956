using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class ListenOnDatagramSocketRuleTests
    {
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.ListenOnDatagramSocket);

        [Theory]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)")]
        [InlineData("new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.IP)")]
        [InlineData("new Socket(SocketType.Dgram, ProtocolType.Udp)")]
        public async Task ListenOnUdpSocket_Reports(string creation)
        {
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = {|#1:{{creation}}|};
                        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        s.{|#0:Listen|}(10);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "a datagram socket (SocketType.Dgram)", "throws SocketException (OperationNotSupported)"));
        }

        [Fact]
        public async Task ListenThroughAlias_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        Socket udp = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                        Socket alias;
                        alias = udp;
                        alias.{|#0:Listen|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("alias", "Listen", "a datagram socket (SocketType.Dgram)", "throws SocketException (OperationNotSupported)"));
        }

        [Fact]
        public async Task ReassignedToUdpOnEveryPath_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(bool v6)
                    {
                        var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                        if (v6)
                        {
                            s = {|#2:new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp)|};
                        }

                        s.{|#0:Listen|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("s", "Listen", "a datagram socket (SocketType.Dgram)", "throws SocketException (OperationNotSupported)"));
        }

        [Fact]
        public async Task ListenInLambdaOnItsOwnSocket_Reports()
        {
            const string source = """
                using System;
                using System.Net.Sockets;

                class C
                {
                    Action M() => () =>
                    {
                        var s = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                        s.{|#0:Listen|}();
                    };
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "a datagram socket (SocketType.Dgram)", "throws SocketException (OperationNotSupported)"));
        }

        [Fact]
        public async Task ListenOnUdpClientsSocket_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        using var client = new UdpClient(0);
                        {|#1:client.Client|}.{|#0:Listen|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("client.Client", "Listen", "a datagram socket", "throws SocketException (OperationNotSupported)"));
        }

        [Fact]
        public async Task ListenOnTcpSocket_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        s.Listen();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ReassignedToTcpOnOnePath_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(bool tcp)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        if (tcp)
                        {
                            s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        }

                        s.Listen();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task SocketFromParameterOrUnknownMethod_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(Socket parameter)
                    {
                        parameter.Listen();
                        var s = Create();
                        s.Listen();
                        Replace(out s);
                        s.Listen();
                    }

                    protected virtual Socket Create() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

                    void Replace(out Socket s) => s = null!;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task WrittenByRef_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        Swap(ref s);
                        s.Listen();
                    }

                    void Swap(ref Socket s) { }
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
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        s.Listen({|CS1503:"x"|});
                        {|CS0103:t|}.Listen();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
