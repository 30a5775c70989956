using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// A synchronous console Main that waits for its server task: its thread has no synchronization context (nothing to
    /// deadlock on) and nothing else to do. A UI program's [STAThread] Main, lambdas in Main and other methods stay reported.
    /// </summary>
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        private static string Server(string main) => """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            static class Program
            {
                static async Task ServeAsync(TcpListener listener)
                {
                    while (true)
                    {
                        using var client = await listener.AcceptTcpClientAsync();
                        await client.GetStream().WriteAsync(new byte[] { 1 });
                    }
                }

            MAIN
            }
            """.Replace("MAIN", main);

        [Theory]
        [InlineData("static void Main() { var listener = new TcpListener(IPAddress.Loopback, 5000); listener.Start(); ServeAsync(listener).Wait(); }")]
        [InlineData("static int Main(string[] args) { var listener = new TcpListener(IPAddress.Loopback, 5000); listener.Start(); Task.Run(() => ServeAsync(listener)).GetAwaiter().GetResult(); return 0; }")]
        public async Task ConsoleMainWaitsForItsServer_DoesNotReport(string main) =>
            await Verify.VerifyAsync(Server(main));

        [Fact]
        public async Task StaMainLambdaInMainOrOtherMethod_Reports()
        {
            var source = Server("""
                    [STAThread]
                    static void Main() { var listener = new TcpListener(IPAddress.Loopback, 5000); ServeAsync(listener).{|#0:Wait|}(); }

                    static void Other(TcpListener listener)
                    {
                        new Thread(() => ServeAsync(listener).{|#1:Wait|}()).Start();
                        ServeAsync(listener).{|#2:Wait|}();
                    }
                """);

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Program.ServeAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Wait()", "Program.ServeAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Program.ServeAsync", Blocks));
        }

        [Fact]
        public async Task WaitInALambdaOfConsoleMain_Reports()
        {
            // The lambda runs on a pool thread, not on Main's: the exemption is Main's own body.
            var source = Server("""
                    static void Main()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 5000);
                        ThreadPool.QueueUserWorkItem(_ => ServeAsync(listener).{|#0:Wait|}());
                        Console.ReadLine();
                    }
                """);

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Program.ServeAsync", Blocks));
        }

        [Fact]
        public async Task MethodWhoseOnlySocketAwaitIsInALoopItStarts_DoesNotReport_OneItAwaits_Reports()
        {
            // Start's own task completes when it has started the accept loop: the loop's awaits are the lambda's, not
            // Start's, so waiting on Start waits for no socket work. StartAndGreet awaits a local function that sends.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Server
                {
                    private readonly TcpListener listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
                    private Task loop = Task.CompletedTask;

                    public async Task Start()
                    {
                        listener.Start();
                        loop = Task.Factory.StartNew(async () =>
                        {
                            while (true)
                            {
                                using var client = await listener.AcceptTcpClientAsync();
                            }
                        });
                        await Task.Yield();
                    }

                    public async Task StartAndGreet(TcpClient client)
                    {
                        await Greet();

                        async Task Greet() => await client.GetStream().WriteAsync(new byte[] { 1 });
                    }

                    public void Run(TcpClient client)
                    {
                        Start().GetAwaiter().GetResult();
                        StartAndGreet(client).{|#0:Wait|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Server.StartAndGreet", Blocks));
        }
    }
}
