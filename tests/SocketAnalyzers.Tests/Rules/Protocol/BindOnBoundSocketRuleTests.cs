using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class BindOnBoundSocketRuleTests
    {
        private const string Throws = "throws SocketException (InvalidArgument)";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.BindOnBoundSocket);

        [Theory]
        [InlineData("s.Bind(ep)", "bound after 'Bind'")]
        [InlineData("s.Listen()", "listening after 'Listen'")]
        [InlineData("s.Connect(remote)", "connected after 'Connect'")]
        public async Task BindAfterBindListenOrConnect_Reports(string first, string state)
        {
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, IPEndPoint remote)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:{{first}}|};
                        s.{|#0:Bind|}(ep);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Bind", state, Throws));
        }

        [Fact]
        public async Task FieldBoundTwiceInOneBody_Reports_UnlessOtherCodeRanBetween()
        {
            // A socket stored in a field of this object is followed through the field within the body; a call that may
            // reach this object (its own method) or an await forgets the field's state.
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private Socket socket;

                    void M(IPEndPoint ep)
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:socket.Bind(ep)|};
                        this.socket.{|#0:Bind|}(ep);
                    }

                    async Task N(IPEndPoint ep)
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(ep);
                        Reset();
                        socket.Bind(ep);
                        await Task.Yield();
                        socket.Bind(ep);
                    }

                    void Reset() => socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("this.socket", "Bind", "bound after 'Bind'", Throws));
        }

        [Fact]
        public async Task BindAfterHelperBound_InTryCatch_Reports()
        {
            const string source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            {|#1:Setup(s, ep)|};
                            s.{|#0:Bind|}(ep);
                        }
                        catch (SocketException)
                        {
                            s.Bind(ep);
                        }
                    }

                    private static void Setup(Socket socket, EndPoint ep) => socket.Bind(ep);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Bind", "bound after 'Setup'", Throws));
        }

        [Fact]
        public async Task BindOnSocketReturnedBoundBySummarisedFactory_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        using var s = Open(ep);
                        s.{|#0:Bind|}(ep);
                    }

                    private static Socket Open(IPEndPoint ep)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:socket.Bind(ep)|};
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Bind", "bound after 'Bind'", Throws));
        }

        [Fact]
        public async Task GuardedOrDatagramConnectOrSecondSocket_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, IPEndPoint remote, bool again)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Bind(ep);
                        if (!s.IsBound)
                        {
                            s.Bind(ep);
                        }

                        if (s.IsBound == false)
                        {
                            s.Bind(ep);
                        }

                        if (s.IsBound is false)
                        {
                            s.Bind(ep);
                        }

                        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.Connect(remote);
                        udp.Bind(ep);

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (again)
                        {
                            t.Bind(ep);
                        }

                        t.Bind(ep);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
