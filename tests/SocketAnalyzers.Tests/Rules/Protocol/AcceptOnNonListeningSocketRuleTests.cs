using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class AcceptOnNonListeningSocketRuleTests
    {
        private const string Throws = "throws InvalidOperationException";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.AcceptOnNonListeningSocket);

        [Fact]
        public async Task AcceptOnBoundSocket_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Bind(new IPEndPoint(IPAddress.Loopback, 0))|};
                        s.{|#0:Accept|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Accept", "bound after 'Bind'", Throws));
        }

        [Theory]
        [InlineData("Accept()", "Accept")]
        [InlineData("AcceptAsync()", "AcceptAsync")]
        [InlineData("BeginAccept(null, null)", "BeginAccept")]
        public async Task AnyAcceptFormOnUnboundSocket_Reports(string call, string member)
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

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", member, "unbound", Throws));
        }

        [Fact]
        public async Task AcceptOnConnectedSocketInAsyncMethod_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint remote)
                    {
                        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await {|#1:s.ConnectAsync(remote)|};
                        using var peer = await s.{|#0:AcceptAsync|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "AcceptAsync", "connected after 'ConnectAsync'", Throws));
        }

        [Fact]
        public async Task BoundByHelper_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:Setup(s)|};
                        s.{|#0:Accept|}();
                    }

                    private static void Setup(Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Accept", "bound after 'Setup'", Throws));
        }

        [Fact]
        public async Task BoundOnEveryBranchInLoopAndLambda_Reports()
        {
            const string source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(bool v6)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (v6)
                        {
                            {|#1:s.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0))|};
                        }
                        else
                        {
                            {|#2:s.Bind(new IPEndPoint(IPAddress.Loopback, 0))|};
                        }

                        while (true)
                        {
                            using var peer = s.{|#0:Accept|}();
                        }
                    }

                    Action N() => () =>
                    {
                        var own = {|#4:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        own.{|#3:Accept|}();
                    };
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("s", "Accept", "bound after 'Bind'", Throws),
                Verify.Diagnostic().WithLocation(3).WithLocation(4).WithArguments("own", "Accept", "unbound", Throws));
        }

        [Fact]
        public async Task ListeningOnOnePathOrByHelper_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(bool listen, Socket parameter)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        if (listen)
                        {
                            s.Listen();
                        }

                        s.Accept();

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        StartListening(t);
                        t.Accept();

                        parameter.Accept();
                        Unknown().Accept();
                    }

                    private static void StartListening(Socket socket)
                    {
                        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        socket.Listen();
                    }

                    protected virtual Socket Unknown() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
