using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    public sealed class SocketFieldDisposalAnalyzerTests
    {
        [Fact]
        public async Task FieldInitializedWithSocket_TypeNotDisposable_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Heartbeat
                {
                    private readonly UdpClient {|#0:udp|} = {|#1:new UdpClient()|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Heartbeat", "UdpClient", "udp", "does not implement IDisposable"));
        }

        [Fact]
        public async Task DisposeForgetsField_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Acceptor : IDisposable
                {
                    private readonly TcpListener {|#0:listener|};

                    public Acceptor(int port) => this.listener = {|#1:new TcpListener(IPAddress.Loopback, port)|};

                    public void Dispose() { }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Acceptor", "TcpListener", "listener", "its Dispose does not dispose it"));
        }

        [Fact]
        public async Task AutoPropertyWithSocket_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Beacon
                {
                    public Socket {|#0:Socket|} { get; } = {|#1:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Beacon", "Socket", "Socket", "does not implement IDisposable"));
        }

        [Fact]
        public async Task AcceptedSocketStoredFromLocal_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class Session : IAsyncDisposable
                {
                    private Socket? {|#0:peer|};

                    public async Task AcceptAsync(Socket listener)
                    {
                        var accepted = await listener.AcceptAsync();
                        this.peer = {|#1:accepted|};
                    }

                    public ValueTask DisposeAsync() => default;
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Session", "Socket", "peer", "its Dispose does not dispose it"));
        }

        [Theory]
        [InlineData("public void Dispose() => this.socket.Dispose();")]
        [InlineData("public void Dispose() => this.socket.Close();")]
        [InlineData("public void Dispose() { var s = this.socket; s.Dispose(); }")]
        [InlineData("public void Dispose() { using (this.socket) { } }")]
        [InlineData("public void Dispose() => this.Release();  private void Release() => this.socket.Dispose();")]
        [InlineData("public void Dispose() => Close(this.socket);  private static void Close(Socket s) => s.Dispose();")]
        [InlineData("void IDisposable.Dispose() => System.Threading.Interlocked.Exchange(ref this.socket, null!)?.Dispose();")]
        public async Task DisposedInDispose_DoesNotReport(string dispose)
        {
            var source = """
                using System;
                using System.Net.Sockets;

                sealed class Connection : IDisposable
                {
                    private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                """ + dispose + """

                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ConditionalDisposeInHelper_DoesNotReport()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Client : IDisposable
                {
                    private Socket? socket;

                    public void Open() => this.socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Dispose() => this.CloseSocket();

                    private void CloseSocket()
                    {
                        this.socket?.Dispose();
                        this.socket = null;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task ListenerStoppedInDispose_DoesNotReport()
        {
            // TcpListener.Stop disposes the listener's socket (socket-semantics J7).
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Acceptor : IDisposable
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public void Dispose() => this.listener.Stop();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task StreamOfClientDisposed_DoesNotReport()
        {
            // Disposing the stream of TcpClient.GetStream() closes the client's socket (socket-semantics J7).
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Uplink : IDisposable
                {
                    private readonly TcpClient client;
                    private readonly NetworkStream stream;

                    public Uplink(string host, int port)
                    {
                        this.client = new TcpClient(host, port);
                        this.stream = this.client.GetStream();
                    }

                    public void Dispose() => this.stream.Dispose();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task InjectedOrNonOwningFields_DoNotReport()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Sender
                {
                    private readonly Socket socket;
                    private readonly NetworkStream stream;
                    private static readonly Socket Shared = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public Sender(Socket socket)
                    {
                        this.socket = socket;
                        this.stream = new NetworkStream(socket, ownsSocket: false);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task OwnedAndInjectedValues_DoNotReport()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Holder
                {
                    private readonly Socket socket;

                    public Holder() => this.socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public Holder(Socket socket) => this.socket = socket;
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Theory]
        [InlineData("public Socket Detach() => this.socket;")]
        [InlineData("public void Register(System.Collections.Generic.List<Socket> all) => all.Add(this.socket);")]
        [InlineData("public NetworkStream Open() => new NetworkStream(this.socket, ownsSocket: true);")]
        public async Task FieldHandedOut_DoesNotReport(string member)
        {
            var source = """
                using System.Net.Sockets;

                class Holder
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                """ + member + """

                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task PropertyGetterAndNonOwningStream_StillReport()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class Holder
                {
                    private readonly Socket {|#0:socket|} = {|#1:new Socket(SocketType.Stream, ProtocolType.Tcp)|};

                    public Socket Socket => this.socket;

                    public NetworkStream View() => new NetworkStream(this.socket);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Holder", "Socket", "socket", "does not implement IDisposable"));
        }

        [Fact]
        public async Task InheritedDisposeOnly_DoesNotReport()
        {
            // The base Dispose may call an override we cannot tell apart: no Dispose of its own, no report.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                abstract class Base : IDisposable
                {
                    public void Dispose() => this.Release();

                    protected abstract void Release();
                }

                sealed class Derived : Base
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    protected override void Release() => this.socket.Dispose();
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Theory]
        [InlineData("this.listener.Stop();")]
        [InlineData("this.listener?.Dispose();")]
        public async Task NotDisposableButStopClosesIt_DoesNotReport(string close)
        {
            // A Start/Stop lifecycle of its own: callers end the listener's life through Stop. Not being IDisposable is a
            // design choice (CA1001, IDISP006 report it), not a leak.
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private TcpListener? listener;

                    public void Start(int port)
                    {
                        this.listener = new TcpListener(IPAddress.Loopback, port);
                        this.listener.Start();
                    }

                    public void Stop()
                    {
                        CLOSE
                    }
                }
                """.Replace("CLOSE", close);

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task DisposableWhoseStopClosesButDisposeDoesNot_Reports()
        {
            // Dispose is the declared end of life: a Stop that closes does not help `using`.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Server : IDisposable
                {
                    private readonly TcpListener {|#0:listener|} = {|#1:new TcpListener(IPAddress.Loopback, 0)|};

                    public void Stop() => this.listener.Stop();

                    public void Dispose()
                    {
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Server", "TcpListener", "listener", "its Dispose does not dispose it"));
        }

        [Theory]
        [InlineData("this.listener.Server.Close();")]
        [InlineData("this.listener.Server.Dispose();")]
        public async Task DisposeClosesTheInnerSocket_DoesNotReport(string close)
        {
            // The listener's socket is its only operating-system resource: closing it is closing the listener.
            var source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Server : IDisposable
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

                    public void Dispose()
                    {
                        CLOSE
                    }
                }
                """.Replace("CLOSE", close);

            await Verify.VerifyAsync(source);
        }
    }
}
