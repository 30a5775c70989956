using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>SOCK204 facts that come from other types: who creates the type, and who closes its members.</summary>
    public sealed class SocketFieldDisposalAnalyzerCompilationTests
    {
        /// <summary>An executable: the compilation has an entry point.</summary>
        private static System.Threading.Tasks.Task VerifyProgramAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = Verify.CreateTest(source);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public async Task ProcessLifetimeServerCreatedByMainWithNoStopPath_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 5000);

                    public void Run()
                    {
                        listener.Start();
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                        }
                    }
                }

                static class Program
                {
                    static void Main() => new Server().Run();
                }
                """;

            await VerifyProgramAsync(source);
        }

        [Theory]
        [InlineData("static class Program { static void Main() => Start(); static void Start() { new Server().Run(); } }")]
        [InlineData("static class Program { static readonly Server Instance = new Server(); static void Main() => Instance.Run(); }")]
        [InlineData("static class Program { static void Main() { var t = new System.Threading.Thread(() => new Server().Run()); t.Start(); t.Join(); } }")]
        public async Task ServerCreatedOncePerProcess_Silent(string program)
        {
            // Made only by bodies that run once per process (the entry point's callees, a static singleton, a thread the
            // entry point starts once): the server holds its listener for the life of the process.
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 5000);

                    public void Run()
                    {
                        listener.Start();
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                        }
                    }
                }

                """ + program;

            await VerifyProgramAsync(source);
        }

        [Theory]
        [InlineData("static class Program { static void Main() { while (true) Start(); } static void Start() { new Server().Run(); } }")]
        [InlineData("static class Program { static void Main() { Start(); } static void Start() { new Server().Run(); } static void NeverCalled() => new Server().Run(); }")]
        [InlineData("static class Program { static void Main() { System.AppDomain.CurrentDomain.ProcessExit += (s, e) => new Server().Run(); } }")]
        public async Task ServerCreatedAgain_Reports(string program)
        {
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly TcpListener {|#0:listener|} = {|#1:new TcpListener(IPAddress.Any, 5000)|};

                    public void Run()
                    {
                        listener.Start();
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                        }
                    }
                }

                """ + program;

            await VerifyProgramAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Server", "TcpListener", "listener", "does not implement IDisposable"));
        }

        [Fact]
        public async Task CreatedInALoopOrWithAStopPath_Reports()
        {
            // Created per iteration, the server is no longer the process's; a Stop that forgets the socket is a leak.
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly TcpListener {|#0:listener|} = {|#1:new TcpListener(IPAddress.Any, 5000)|};

                    public void Run() => listener.Start();
                }

                class Stoppable
                {
                    private readonly UdpClient {|#2:udp|} = {|#3:new UdpClient(5001)|};
                    private bool running = true;

                    public void Stop() => running = false;
                }

                static class Program
                {
                    static void Main(string[] args)
                    {
                        foreach (var arg in args)
                        {
                            new Server().Run();
                        }

                        new Stoppable().Stop();
                    }
                }
                """;

            await VerifyProgramAsync(
                source,
                Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Server", "TcpListener", "listener", "does not implement IDisposable"),
                Verify.Diagnostic("SOCK204").WithLocation(2).WithLocation(3).WithArguments("Stoppable", "UdpClient", "udp", "does not implement IDisposable"));
        }

        [Fact]
        public async Task TopLevelStatementsCreateTheServer_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                new Server().Run();

                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Any, 5000);

                    public void Run() => listener.Start();
                }
                """;

            await VerifyProgramAsync(source);
        }

        [Fact]
        public async Task MainFormOfApplicationRun_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Form { }

                static class Application
                {
                    public static void Run(Form form) { }
                }

                class MainForm : Form
                {
                    private readonly UdpClient udp = new UdpClient(9000);
                }

                static class Program
                {
                    static void Main() => Application.Run(new MainForm());
                }
                """;

            await VerifyProgramAsync(source);
        }

        [Fact]
        public async Task PerConnectionSessionNeverClosesTheAcceptedClient_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Session
                {
                    private readonly TcpClient {|#0:client|};

                    public Session(TcpClient client) => this.client = {|#1:client|};

                    public Task RunAsync() => client.GetStream().WriteAsync(new byte[1], 0, 1);
                }

                class Server
                {
                    private readonly TcpListener listener;

                    public Server(TcpListener listener) => this.listener = listener;

                    public async Task ServeAsync()
                    {
                        while (true)
                        {
                            var accepted = await listener.AcceptTcpClientAsync();
                            _ = new Session(accepted).RunAsync();
                            _ = new Session(listener.AcceptTcpClient()).RunAsync();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Session", "TcpClient", "client", "does not implement IDisposable"));
        }

        [Fact]
        public async Task InjectedSocketTheCallerKeepsOrTheSessionLetsOut_Silent()
        {
            // One creation passes a socket its caller still uses (and closes); another type hands its socket out.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Session
                {
                    private readonly TcpClient client;

                    public Session(TcpClient client) => this.client = client;
                }

                class Exposed
                {
                    private readonly TcpClient client;

                    public Exposed(TcpClient client) => this.client = client;

                    public TcpClient Client => client;
                }

                class Server
                {
                    public void Serve(TcpListener listener)
                    {
                        var accepted = listener.AcceptTcpClient();
                        var session = new Session(accepted);
                        accepted.Close();
                        var exposed = new Exposed(listener.AcceptTcpClient());
                        exposed.Client.Close();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task FieldClosedThroughAnotherObjectsMember_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Transport
                {
                    public Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                }

                class Owner
                {
                    public Transport tcp = new Transport();
                }

                class Closer
                {
                    public void Close(Owner owner) => owner.tcp.socket.Close();
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
