using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Bodies that run once per process (the entry point, what it calls or starts once outside loops) leave a socket
    /// open once, until the process ends: SOCK201/SOCK203 stay silent on their normal exits. An exception that leaves a
    /// body called only, without a catch, from the entry point or a thread ends the process: SOCK202 stays silent.
    /// Everything that can run again (loops, several callers, libraries, handlers) is still reported.
    /// </summary>
    public sealed class ProcessLifetimeTests
    {
        private const string NotDisposed = "SOCK201";
        private const string OnException = "SOCK202";
        private const string Accepted = "SOCK203";

        private static string Program(string main, string members) => """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            static class Program
            {
                static void Main(string[] args)
                {
            """ + main + """

                }

            """ + members + """

            }
            """;

        private const string Serve = """
                static void Serve()
                {
                    var listener = new TcpListener(IPAddress.Loopback, 5000);
                    listener.Start();
                    var client = listener.AcceptTcpClient();
                    client.GetStream().WriteByte(1);
                }
            """;

        [Theory]
        [InlineData("Serve();")]
        [InlineData("Console.WriteLine(\"start\"); Serve(); Console.ReadLine();")]
        [InlineData("new Thread(Serve).Start();")]
        [InlineData("new Thread(new ThreadStart(Serve)).Start();")]
        [InlineData("Task.Run(() => Serve()).Wait();")]
        [InlineData("Run(); static void Run() => Serve();")]
        public async Task CalledOnceFromTheEntryPoint_DoesNotReport(string main)
        {
            var source = Program(main, Serve);
            await Verify.VerifyAsync(NotDisposed, source);
            await Verify.VerifyAsync(Accepted, source);
        }

        [Fact]
        public async Task ThreadLambdaStartedOnceByTheEntryPoint_DoesNotReport()
        {
            var source = Program(
                """
                    var server = new Thread(() =>
                    {
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, 9050));
                        socket.Listen(10);
                        var peer = socket.Accept();
                        peer.Send(new byte[1]);
                    });
                    server.Start();
                    server.Join();
                """,
                string.Empty);
            await Verify.VerifyAsync(NotDisposed, source);
            await Verify.VerifyAsync(Accepted, source);
        }

        [Theory]
        [InlineData("while (true) { Serve(); }")]
        [InlineData("for (var i = 0; i < 3; i++) { new Thread(Serve).Start(); }")]
        [InlineData("Serve(); Again(); static void Again() { while (true) Serve(); }")]
        public async Task CalledAgain_Reports(string main)
        {
            var source = Program(main, """
                    static void Serve()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 5000);
                        listener.Start();
                        var client = {|#0:listener.AcceptTcpClient()|};
                        client.GetStream().WriteByte(1);
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task EventHandler_Reports()
        {
            // A handler runs whenever the event fires, not once.
            var source = Program("AppDomain.CurrentDomain.ProcessExit += (s, e) => Serve();", """
                    static void Serve()
                    {
                        var client = {|#0:new TcpClient()|};
                        client.Connect("localhost", 5000);
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task LibraryWithoutEntryPoint_Reports()
        {
            // Anyone may call a library's method any number of times.
            var source = """
                using System.Net.Sockets;

                public static class Client
                {
                    public static void Open()
                    {
                        var client = {|#0:new TcpClient()|};
                        client.Connect("localhost", 5000);
                    {|#1:}|}

                    public static void Start() => Open();
                }
                """;
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task Recursion_Reports()
        {
            var source = Program("Serve(3);", """
                    static void Serve(int left)
                    {
                        var client = {|#0:new TcpClient()|};
                        client.Connect("localhost", 5000);
                        if (left > 0)
                        {
                            Serve(left - 1);
                        }
                    {|#1:}|}
                """);
            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        private const string Listen = """
                static void Listen()
                {
                    var listener = LISTENER;
                    listener.START();
                    try
                    {
                        listener.AcceptSocket().Close();
                    }
                    finally
                    {
                        listener.Stop();
                    }
                }
            """;

        private const string ListenAsync = """
                static async Task ListenAsync()
                {
                    var listener = LISTENER;
                    listener.START();
                    try
                    {
                        (await listener.AcceptSocketAsync()).Close();
                    }
                    finally
                    {
                        listener.Stop();
                    }
                }
            """;

        private static string Listener(bool isAsync, bool marked) =>
            (isAsync ? ListenAsync : Listen)
                .Replace("LISTENER", marked ? "{|#0:new TcpListener(IPAddress.Loopback, 5000)|}" : "new TcpListener(IPAddress.Loopback, 5000)")
                .Replace("START", marked ? "{|#1:Start|}" : "Start");

        [Theory]
        [InlineData("Listen();", false)]
        [InlineData("new Thread(Listen).Start();", false)]
        [InlineData("ThreadPool.QueueUserWorkItem(_ => Listen());", false)]
        [InlineData("ListenAsync().GetAwaiter().GetResult();", true)]
        [InlineData("try { Console.WriteLine(); } catch (Exception) { } Listen();", false)]
        [InlineData("Task.Run(() => Listen()).Wait();", false)]
        [InlineData("Task.Run(Listen).GetAwaiter().GetResult();", false)]
        [InlineData("Task.WaitAll(Task.Run(Listen), Task.Delay(1));", false)]
        public async Task ExceptionEndsTheProcess_DoesNotReport(string main, bool isAsync)
        {
            // Start throws (address in use): nothing catches it up to the entry point or the thread, the process ends.
            await Verify.VerifyAsync(OnException, Program(main, Listener(isAsync, marked: false)));
        }

        [Theory]
        [InlineData("private", false)]
        [InlineData("public", true)]
        public async Task ThreadStartOfALibrary_ReportsOnlyWhatOthersCanCall(string access, bool reported)
        {
            // No entry point: a private method only a thread runs still ends the process when it throws; a public one
            // may also be called by another assembly, inside a try.
            var source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;

                public sealed class Server
                {
                    public void Start() => new Thread(new ThreadStart(this.Run)).Start();

                    ACCESS void Run()
                    {
                        var listener = LISTENER;
                        listener.START();
                        try
                        {
                            listener.AcceptSocket().Close();
                        }
                        finally
                        {
                            listener.Stop();
                        }
                    }
                }
                """.Replace("ACCESS", access)
                .Replace("LISTENER", reported ? "{|#0:new TcpListener(IPAddress.Loopback, 5000)|}" : "new TcpListener(IPAddress.Loopback, 5000)")
                .Replace("START", reported ? "{|#1:Start|}" : "Start");
            var expected = reported
                ? new[] { Verify.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start") }
                : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
            await Verify.VerifyAsync(OnException, source, expected);
        }

        [Theory]
        [InlineData("new Server();", false)]
        [InlineData("try { new Server(); } catch (SocketException) { }", true)]
        [InlineData("for (var i = 0; i < 2; i++) { try { new Server(); } catch (SocketException) { } }", true)]
        public async Task ConstructorThatThrowsAfterStoring_ReportsUnlessTheThrowEndsTheProcess(string main, bool reported)
        {
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly TcpListener listener;

                    public Server()
                    {
                        {|#0:listener|} = new TcpListener(IPAddress.Loopback, 5000);
                        listener.{|#1:Start|}();
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        MAIN
                    }
                }
                """.Replace("MAIN", main);
            var expected = reported
                ? new[] { Verify.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start") }
                : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
            await Verify.VerifyAsync(OnException, source, expected);
        }

        [Theory]
        [InlineData("try { Listen(); } catch (SocketException) { }", false)]
        [InlineData("_ = ListenAsync();", true)]
        [InlineData("Task.Run(() => Listen());", false)]
        [InlineData("while (true) { try { Listen(); } catch (SocketException) { } }", false)]
        public async Task ExceptionCaughtOrKeptInATask_Reports(string main, bool isAsync)
        {
            // A caller that catches goes on with the listener leaked; a task keeps the exception and the process goes on.
            await Verify.VerifyAsync(OnException, Program(main, Listener(isAsync, marked: true)), Verify.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }
    }
}
