using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>Issue 13, item 3: tasks of TLS streams, of the program's own socket methods, of Task.Run; waits in constructors.</summary>
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        [Fact]
        public async Task WaitOnSslStreamTask_Reports()
        {
            const string source = """
                using System.Net.Security;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    void M(NetworkStream network, SslStream tls, AuthenticatedStream authenticated, NegotiateStream negotiate)
                    {
                        tls.AuthenticateAsClientAsync("example.org").{|#0:Wait|}();
                        tls.ShutdownAsync().GetAwaiter().{|#1:GetResult|}();
                        var n = tls.ReadAsync(new byte[4], 0, 4).{|#2:Result|};
                        negotiate.AuthenticateAsClientAsync().{|#3:Wait|}();
                        tls.FlushAsync().Wait();
                        authenticated.FlushAsync().Wait();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "SslStream.AuthenticateAsClientAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "SslStream.ShutdownAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Result", "SslStream.ReadAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Wait()", "NegotiateStream.AuthenticateAsClientAsync", Blocks));
        }

        [Fact]
        public async Task WaitOnOwnMethodThatAwaitsSocketWork_Reports()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private readonly byte[] buffer = new byte[16];

                    public void Open() => OpenAsync().GetAwaiter().{|#0:GetResult|}();
                    public int Read() => ReadAsync().{|#1:Result|};
                    public void Handshake() => HandshakeAsync().{|#2:Wait|}();
                    public Task<int> Direct() => socket.ReceiveAsync(buffer, SocketFlags.None);
                    public int ReadDirect() => Direct().{|#3:Result|};

                    public async Task OpenAsync() => await socket.ConnectAsync("localhost", 80).ConfigureAwait(false);
                    private async Task<int> ReadAsync() { await Task.Yield(); return await socket.ReceiveAsync(buffer, SocketFlags.None); }
                    private async Task HandshakeAsync() { await OpenAsync(); await Step(); }
                    private Task Step() => Task.CompletedTask;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".GetAwaiter().GetResult()", "Connection.OpenAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "Connection.ReadAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Connection.HandshakeAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Result", "Connection.Direct", Blocks));
        }

        [Fact]
        public async Task WaitOnOwnMethodWithoutSocketWork_DoesNotReport()
        {
            // Traps: a task only started (not awaited), blocking socket I/O before a completed task, a stream of unknown
            // kind, recursion, a virtual method (an override may run instead), a Dns lookup.
            const string source = """
                using System.IO;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    void M(Stream stream)
                    {
                        Fire().Wait();
                        BlockingThenDone().Wait();
                        Copy(stream).Wait();
                        Loop(3).Wait();
                        Virtual().Wait();
                        Lookup().Wait();
                    }

                    async Task Fire() { _ = socket.ConnectAsync("localhost", 80); await Task.Yield(); }
                    Task BlockingThenDone() { socket.Connect("localhost", 80); return Task.CompletedTask; }
                    async Task Copy(Stream stream) => await stream.ReadAsync(new byte[4], 0, 4);
                    async Task Loop(int n) { if (n > 0) await Loop(n - 1); }
                    protected virtual async Task Virtual() => await socket.ConnectAsync("localhost", 80);
                    async Task Lookup() => await Dns.GetHostAddressesAsync("localhost");
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task WaitOnTaskRunOfSocketWork_Reports()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private readonly TcpClient client = new TcpClient();

                    void M(Socket socket, byte[] buffer)
                    {
                        Task.Run(() => NegotiateAsync()).{|#0:Wait|}();
                        var n = Task.Run(async () => await socket.ReceiveAsync(buffer, SocketFlags.None)).{|#1:Result|};
                        Task.Run(NegotiateAsync).{|#2:Wait|}();
                        Task.Run(() => socket.Receive(buffer)).Wait();
                        Task.Run(() => Compute()).Wait();
                    }

                    async Task NegotiateAsync() => await client.ConnectAsync("localhost", 80);
                    static int Compute() => 42;
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Task.Run(C.NegotiateAsync)", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "Task.Run(Socket.ReceiveAsync)", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Task.Run(C.NegotiateAsync)", Blocks));
        }

        [Fact]
        public async Task WaitInConstructorAndThroughALocal_Reports()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Session
                {
                    private readonly TcpClient client = new TcpClient();

                    public Session(string host)
                    {
                        client.ConnectAsync(host, 80).{|#0:Wait|}();
                        var pending = LoginAsync();
                        pending.{|#1:Wait|}();
                    }

                    public Session(int port)
                    {
                        var pending = LoginAsync();
                        if (!pending.IsCompleted) return;
                        pending.Wait();
                    }

                    private async Task LoginAsync() => await client.GetStream().WriteAsync(new byte[1], 0, 1);
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "TcpClient.ConnectAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Wait()", "Session.LoginAsync", Blocks));
        }
    }
}
