using System.Threading;
using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInHotPathAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    public sealed class BlockingSocketCallInHotPathAnalyzerTests
    {
        [Fact]
        public async Task BlockingCallUnderLockOrMonitor_Reports()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading;

                class C
                {
                    private readonly object gate = new object();

                    void Locked(Socket socket, byte[] frame)
                    {
                        lock (gate)
                        {
                            socket.{|#0:Send|}(frame);
                        }
                    }

                    void Monitored(NetworkStream stream, byte[] frame)
                    {
                        var taken = false;
                        try
                        {
                            Monitor.Enter(gate, ref taken);
                            stream.{|#1:Write|}(frame, 0, frame.Length);
                        }
                        finally
                        {
                            if (taken) Monitor.Exit(gate);
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK303").WithLocation(0).WithArguments("Socket.Send", "while holding a lock"),
                Verify.Diagnostic("SOCK303").WithLocation(1).WithArguments("NetworkStream.Write", "while holding a lock"));
        }

        [Fact]
        public async Task ReceiveLoopInThreadPoolCallback_Reports()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    void Start(Socket socket, TcpListener listener, byte[] buffer)
                    {
                        Task.Run(() => { while (socket.{|#0:Receive|}(buffer) > 0) { } });
                        ThreadPool.QueueUserWorkItem(_ => { for (;;) { listener.{|#1:AcceptTcpClient|}().Dispose(); } });
                        var timer = new Timer(_ => { while (true) { if (socket.{|#2:Receive|}(buffer) == 0) return; } }, null, 0, 100);
                        Task.Run(() => socket.Receive(buffer));
                        Task.Factory.StartNew(() => { while (socket.Receive(buffer) > 0) { } }, TaskCreationOptions.LongRunning);
                        Task.Factory.StartNew(() => { while (socket.{|#3:Receive|}(buffer) > 0) { } });
                        Task.Run(() => { while (true) { socket.Send(buffer); } });
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK303").WithLocation(0).WithArguments("Socket.Receive", "a thread-pool thread in a loop"),
                Verify.Diagnostic("SOCK303").WithLocation(1).WithArguments("TcpListener.AcceptTcpClient", "a thread-pool thread in a loop"),
                Verify.Diagnostic("SOCK303").WithLocation(2).WithArguments("Socket.Receive", "a thread-pool thread in a loop"),
                Verify.Diagnostic("SOCK303").WithLocation(3).WithArguments("Socket.Receive", "a thread-pool thread in a loop"));
        }

        [Fact]
        public async Task ConfiguredHotPaths_Report()
        {
            const string source = """
                using System;
                using System.Net.Sockets;

                namespace MyApp
                {
                    sealed class HotPathAttribute : Attribute { }

                    class Server
                    {
                        [HotPath]
                        void Tick(Socket socket, byte[] buffer) => socket.{|#0:Receive|}(buffer);

                        void Pump(Socket socket, byte[] buffer)
                        {
                            Local();
                            void Local() => socket.{|#1:Send|}(buffer);
                        }

                        void Cold(Socket socket, byte[] buffer) => socket.Receive(buffer);

                        [HotPath]
                        void Deferred(Socket socket, byte[] buffer)
                        {
                            Action later = () => socket.Receive(buffer);
                        }
                    }
                }
                """;

            var test = Verify.CreateTest(source);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                socket_analyzers.hot_path_attributes = MyApp.HotPathAttribute
                socket_analyzers.hot_path_methods = MyApp.Server.Pump
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK303").WithLocation(0).WithArguments("Socket.Receive", "in hot path 'Server.Tick' (marked [MyApp.HotPathAttribute])"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK303").WithLocation(1).WithArguments("Socket.Send", "in hot path 'Server.Pump' (socket_analyzers.hot_path_methods)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task MethodNameAloneAndGlobalConfig_Report()
        {
            const string source = """
                using System.Net.Sockets;

                class A { void OnFrame(Socket s, byte[] b) => s.{|#0:Send|}(b); }
                class B { void OnFrame(Socket s, byte[] b) => s.{|#1:Send|}(b); }
                """;

            var test = Verify.CreateTest(source);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
                is_global = true
                socket_analyzers.hot_path_methods = OnFrame
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK303").WithLocation(0).WithArguments("Socket.Send", "in hot path 'A.OnFrame' (socket_analyzers.hot_path_methods)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK303").WithLocation(1).WithArguments("Socket.Send", "in hot path 'B.OnFrame' (socket_analyzers.hot_path_methods)"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task InvalidConfiguration_FallsBackToNoHotPaths()
        {
            const string source = """
                using System.Net.Sockets;

                class A { void OnFrame(Socket s, byte[] b) => s.Send(b); }
                """;

            var test = Verify.CreateTest(source);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
                root = true

                [*.cs]
                socket_analyzers.hot_path_methods = OnFrame, not valid
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoLockNoHotPathOrAsyncOrReady_DoesNotReport()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private readonly object gate = new object();

                    void Plain(Socket socket, byte[] buffer) => socket.Receive(buffer);

                    void LockedButReady(Socket socket, byte[] buffer)
                    {
                        lock (gate)
                        {
                            if (socket.Available > 0) socket.Receive(buffer);
                            new NetworkStream(socket).Flush();
                            socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
                        }
                    }

                    async Task InAsync(Socket socket, byte[] buffer)
                    {
                        lock (gate)
                        {
                            socket.Send(buffer);
                        }

                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
