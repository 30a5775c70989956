using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// Issue 13 (set D, EmptyBox.IO): timed waits on a task field that holds a receive loop started with Task.Run or
    /// StartNew, decided from every value the field is given.
    /// </summary>
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        [Fact]
        public async Task TimedWaitOnTaskFieldOfSocketWork_Reports()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private readonly byte[] buffer = new byte[16];
                    private readonly Task pump;
                    private Task? receiveLoop;
                    private Task? connecting;

                    public Connection()
                    {
                        pump = Task.Run(() => { while (true) socket.Receive(buffer); });
                    }

                    public async Task<bool> Open()
                    {
                        await Task.Yield();
                        receiveLoop = Task.Factory.StartNew(ReceiveLoop, TaskCreationOptions.LongRunning);
                        connecting = socket.ConnectAsync("localhost", 80);
                        return true;
                    }

                    public async Task<bool> Close()
                    {
                        await Task.Yield();
                        receiveLoop?.{|#0:Wait|}(100);
                        pump.{|#1:Wait|}(TimeSpan.FromSeconds(1));
                        connecting?.{|#2:Wait|}();
                        socket.Dispose();
                        return true;
                    }

                    // A timed wait in synchronous code bounds the shutdown: the usual idiom there, not reported.
                    public void Stop() => receiveLoop?.Wait(100);

                    // Synchronous code that waits for a worker blocked on a socket joins it (after closing the socket, the
                    // receive ends): the thread-join idiom, not reported. Waiting on a socket task is, even here.
                    public void Join()
                    {
                        socket.Close();
                        pump.Wait();
                        Task.Run(() => socket.Receive(buffer)).Wait();
                        connecting?.{|#3:Wait|}();
                    }

                    public async Task Drain()
                    {
                        await Task.Yield();
                        Task.Run(() => socket.Receive(buffer)).{|#4:Wait|}();
                    }

                    private async void ReceiveLoop()
                    {
                        while (true)
                        {
                            int count = socket.Receive(buffer);
                            if (count == 0) await Close();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait(100)", "Task.Factory.StartNew(Connection.ReceiveLoop)", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Wait(TimeSpan.FromSeconds(1))", "Task.Run(Socket.Receive)", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(4).WithArguments(".Wait()", "Task.Run(Socket.Receive)", Blocks));
        }

        [Fact]
        public async Task WaitOnTaskFieldThatMayHoldOtherWork_DoesNotReport()
        {
            // Traps: an async void loop that awaits before its first receive (Task.Run's task completes at that await);
            // StartNew of an async lambda (not unwrapped: its task completes at the lambda's first await); a field also
            // given a completed task; a public field (others may store anything); a probe with timeout 0.
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    private readonly Socket socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                    private readonly byte[] buffer = new byte[16];
                    private Task? yielding;
                    private Task? started;
                    private Task mixed = Task.CompletedTask;
                    public Task? Exposed;
                    private Task? probed;

                    public async Task Open()
                    {
                        await Task.Yield();
                        yielding = Task.Run(ReceiveLoop);
                        started = Task.Factory.StartNew(async () => { await Task.Delay(1); socket.Receive(buffer); });
                        mixed = Task.Run(() => socket.Receive(buffer));
                        Exposed = Task.Run(() => socket.Receive(buffer));
                        probed = Task.Run(() => socket.Receive(buffer));
                    }

                    public async Task Close()
                    {
                        await Task.Yield();
                        yielding?.Wait(100);
                        started?.Wait(100);
                        mixed.Wait(100);
                        Exposed?.Wait(100);
                        probed?.Wait(0);
                        probed?.Wait(TimeSpan.Zero);
                    }

                    private async void ReceiveLoop()
                    {
                        await Task.Yield();
                        while (true) socket.Receive(buffer);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
