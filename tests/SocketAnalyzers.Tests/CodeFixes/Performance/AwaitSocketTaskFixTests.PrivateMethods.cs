using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.AwaitSocketTaskFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    /// <summary>Issue 13, item 3: a private method whose uses are all awaitable calls becomes async, its callers await it.</summary>
    public sealed partial class AwaitSocketTaskFixTests
    {
        [Fact]
        public async Task PrivateMethodCalledFromAsyncCode_BecomesAsyncAndIsAwaited()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    private readonly TcpClient client = new TcpClient();

                    public async Task<int> StartAsync()
                    {
                        Open();
                        Func<Task> later = async () => { Open(); await Task.Yield(); };
                        await later();
                        return this.Read(new byte[4]) + 1;
                    }

                    private void Open()
                    {
                        client.ConnectAsync("localhost", 80).{|#0:Wait|}();
                        OpenAsync().GetAwaiter().{|#1:GetResult|}();
                    }

                    private int Read(byte[] buffer) => client.GetStream().ReadAsync(buffer, 0, buffer.Length).{|#2:Result|};

                    private async Task OpenAsync() => await client.GetStream().WriteAsync(new byte[1], 0, 1);
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    private readonly TcpClient client = new TcpClient();

                    public async Task<int> StartAsync()
                    {
                        await Open();
                        Func<Task> later = async () => { await Open(); await Task.Yield(); };
                        await later();
                        return await this.Read(new byte[4]) + 1;
                    }

                    private async Task Open()
                    {
                        await client.ConnectAsync("localhost", 80);
                        await OpenAsync();
                    }

                    private async Task<int> Read(byte[] buffer) => await client.GetStream().ReadAsync(buffer, 0, buffer.Length);

                    private async Task OpenAsync() => await client.GetStream().WriteAsync(new byte[1], 0, 1);
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "TcpClient.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "Connection.OpenAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Result", "NetworkStream.ReadAsync", Blocks),
                },
                fixedSource);
        }

        [Fact]
        public async Task PrivateMethodWithASynchronousOrIndirectUse_OffersNoFix()
        {
            // Traps: a caller that is synchronous (Sync), a method group (Action), nameof, a public method, ref parameters.
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                public class C
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Sync() => ConnectA();
                    public async Task FromAsync() { ConnectB(); await Task.Yield(); }
                    public Action Group() => ConnectB;
                    public string Name() => nameof(ConnectC);
                    public async Task UseC() { ConnectC(); await Task.Yield(); }
                    public void Public() => socket.ConnectAsync("localhost", 80).{|#3:Wait|}();

                    private void ConnectA() => socket.ConnectAsync("localhost", 80).{|#0:Wait|}();
                    private void ConnectB() => socket.ConnectAsync("localhost", 80).{|#1:Wait|}();
                    private void ConnectC() => socket.ConnectAsync("localhost", 80).{|#2:Wait|}();
                    private void WithRef(ref int n) { socket.ConnectAsync("localhost", 80).{|#4:Wait|}(); n++; }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(4).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                },
                source);
        }

        [Fact]
        public async Task MethodWithAWaitOnlyAsyncCodeReports_OffersNoFix()
        {
            // Making these async would turn their other waits into new findings: a timed wait, a wait that joins a
            // worker blocked on a socket (reported in async code only), through a field too.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                public class C
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private readonly byte[] buffer = new byte[16];
                    private Task pump = Task.CompletedTask;

                    public static void Main() => new C().Start();

                    public async Task UseAll()
                    {
                        Timed();
                        Joined();
                        ThroughField();
                        await Task.Yield();
                    }

                    private void Start() => pump = Task.Run(() => socket.Receive(buffer));

                    private void Timed()
                    {
                        socket.ConnectAsync("localhost", 80).{|#0:Wait|}();
                        socket.ConnectAsync("localhost", 81).Wait(100);
                    }

                    private void Joined()
                    {
                        socket.ConnectAsync("localhost", 80).{|#1:Wait|}();
                        Task.Run(() => socket.Receive(buffer)).Wait();
                    }

                    private void ThroughField()
                    {
                        socket.ConnectAsync("localhost", 80).{|#2:Wait|}();
                        pump.Wait();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                },
                source);
        }
    }
}
