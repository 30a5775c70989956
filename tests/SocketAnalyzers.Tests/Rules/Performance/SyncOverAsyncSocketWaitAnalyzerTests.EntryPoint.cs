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
    }
}
