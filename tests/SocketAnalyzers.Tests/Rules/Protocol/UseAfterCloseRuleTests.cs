using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class UseAfterCloseRuleTests
    {
        private const string Disposed = "throws ObjectDisposedException";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.UseAfterClose);

        [Theory]
        [InlineData("Close()")]
        [InlineData("Dispose()")]
        public async Task SendAfterClose_Reports(string close)
        {
            var source = $$"""
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.{{close}}|};
                        s.{|#0:Send|}(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "closed after '" + close.TrimEnd('(', ')') + "'", Disposed));
        }

        [Fact]
        public async Task ConnectAfterUsingBlock_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        Socket s;
                        using ({|#1:s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|})
                        {
                        }

                        s.{|#0:Connect|}(ep);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Connect", "closed after 'using'", Disposed));
        }

        [Fact]
        public async Task ClosedOnEveryBranch_ReportsWithBothCauses()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(bool early)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (early)
                        {
                            {|#1:s.Close()|};
                        }
                        else
                        {
                            {|#2:s.Dispose()|};
                        }

                        s.{|#0:Shutdown|}(SocketShutdown.Both);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("s", "Shutdown", "closed after 'Close' or 'Dispose'", Disposed));
        }

        [Fact]
        public async Task ThroughAlias_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        var alias = s;
                        {|#1:alias.Close()|};
                        s.{|#0:Receive|}(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Receive", "closed after 'Close'", Disposed));
        }

        [Fact]
        public async Task TcpClientAndStreamAfterDispose_Report()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(NetworkStream unknown)
                    {
                        var client = new TcpClient("localhost", 80);
                        {|#1:client.Dispose()|};
                        client.{|#0:GetStream|}();

                        var stream = new NetworkStream(new Socket(SocketType.Stream, ProtocolType.Tcp));
                        {|#3:stream.Close()|};
                        stream.{|#2:Write|}(new byte[1], 0, 1);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("client", "GetStream", "closed after 'Dispose'", Disposed),
                Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("stream", "Write", "closed after 'Close'", Disposed));
        }

        [Fact]
        public async Task InLoopAfterCloseInLoop_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(int n)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        for (var i = 0; i < n; i++)
                        {
                            {|#1:s.Close()|};
                            s.{|#0:Send|}(new byte[1]);
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "closed after 'Close'", Disposed));
        }

        [Fact]
        public async Task AfterTryFinallyThatCloses_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            s.Connect(ep);
                        }
                        finally
                        {
                            {|#1:s.Close()|};
                        }

                        s.{|#0:Send|}(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "closed after 'Close'", Disposed));
        }

        [Fact]
        public async Task AsyncMethod_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await s.ConnectAsync(ep);
                        {|#1:s.Dispose()|};
                        await s.{|#0:SendAsync|}(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "SendAsync", "closed after 'Dispose'", Disposed));
        }

        [Fact]
        public async Task ClosedByHelper_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:Release(s)|};
                        s.{|#0:Listen|}();
                    }

                    private static void Release(Socket socket) => socket.Close();
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Listen", "closed after 'Release'", Disposed));
        }

        [Fact]
        public async Task InLocalFunctionAndConstructorWithInitializer_ReportsOnce()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    C(int n)
                        : this()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Close()|};
                        s.{|#0:Send|}(new byte[n]);
                    }

                    C()
                    {
                        void Local()
                        {
                            var own = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                            {|#3:own.Dispose()|};
                            own.{|#2:Listen|}();
                        }

                        Local();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Send", "closed after 'Close'", Disposed),
                Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("own", "Listen", "closed after 'Dispose'", Disposed));
        }

        [Fact]
        public async Task InsideUsingScope_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        using (var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                        {
                            s.Connect(ep);
                            s.Send(new byte[1]);
                        }

                        await using var stream = new NetworkStream(await Connect(ep), ownsSocket: true);
                        await stream.WriteAsync(new byte[1]);
                    }

                    private static async Task<Socket> Connect(IPEndPoint ep)
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(ep);
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ClosedByAsyncHelper_ReportsOnlyWhenAwaited()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await {|#1:ReleaseLater(s)|};
                        s.{|#0:Connect|}(ep);

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        var pending = ReleaseLater(t);
                        t.Connect(ep);
                        await pending;
                    }

                    private static async Task ReleaseLater(Socket socket)
                    {
                        await Task.Yield();
                        socket.Dispose();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "Connect", "closed after 'ReleaseLater'", Disposed));
        }

        [Fact]
        public async Task FieldsAndPropertiesHaveAnUnknownHistory_DoesNotReport()
        {
            // Other methods may have replaced or reopened them: like parameters, they are never reported on.
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    private readonly Socket field = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    Socket Auto { get; } = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    Socket Fresh => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                    void M()
                    {
                        this.field.Close();
                        this.field.Listen();
                        Auto.Dispose();
                        Auto.Listen();
                        Fresh.Close();
                        Fresh.Listen();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task CloseTwiceOrReadConnected_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    bool M()
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Close();
                        s.Dispose();
                        return s.Connected;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ClosedOnOnePathOnly_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(bool done)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (done)
                        {
                            s.Close();
                        }

                        s.Send(new byte[1]);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ReassignedAfterClose_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, Socket parameter)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Close();
                        s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                        parameter.Close();
                        parameter.Connect(ep);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task CapturedByLambdaOrStoredInField_DoesNotReport()
        {
            const string source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    private Socket? field;

                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        Action reopen = () => s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        s.Close();
                        reopen();
                        s.Connect(ep);

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        this.field = t;
                        t.Close();
                        Other();
                        this.field.Connect(ep);
                    }

                    void Other() { }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
