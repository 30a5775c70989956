using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeSocketFieldFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    public sealed class DisposeSocketFieldFixTests
    {
        [Fact]
        public async Task NotDisposable_ImplementsIDisposable()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Heartbeat
                {
                    private readonly UdpClient {|#0:udp|} = {|#1:new UdpClient()|};

                    public void Beat() => udp.Send(new byte[] { 1 }, 1);
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Heartbeat : IDisposable
                {
                    private readonly UdpClient udp = new UdpClient();

                    public void Beat() => udp.Send(new byte[] { 1 }, 1);

                    public void Dispose()
                    {
                        udp.Dispose();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Heartbeat", "UdpClient", "udp", "does not implement IDisposable") },
                fixedSource);
        }

        [Fact]
        public async Task TwoFieldsInOneType_FixAllDisposesBoth()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Relay : System.ICloneable
                {
                    private readonly Socket {|#0:inbound|} = {|#1:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                    private TcpListener? {|#2:listener|};

                    public void Start() => this.listener = {|#3:new TcpListener(IPAddress.Loopback, 0)|};

                    public object Clone() => this;
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Relay : System.ICloneable, System.IDisposable
                {
                    private readonly Socket inbound = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private TcpListener? listener;

                    public void Start() => this.listener = new TcpListener(IPAddress.Loopback, 0);

                    public object Clone() => this;

                    public void Dispose()
                    {
                        this.inbound.Dispose();
                        this.listener?.Dispose();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Relay", "Socket", "inbound", "does not implement IDisposable"),
                    Verify.Diagnostic("SOCK204").WithLocation(2).WithLocation(3).WithArguments("Relay", "TcpListener", "listener", "does not implement IDisposable"),
                },
                fixedSource);
        }

        [Fact]
        public async Task ExpressionBodiedDispose_BecomesBlock()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Telemetry : IDisposable
                {
                    private TcpClient? {|#0:client|};
                    private int writes;

                    public void Open(string host, int port) => this.client = {|#1:new TcpClient(host, port)|};

                    public void Dispose() => this.writes = 0;
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Telemetry : IDisposable
                {
                    private TcpClient? client;
                    private int writes;

                    public void Open(string host, int port) => this.client = new TcpClient(host, port);

                    public void Dispose()
                    {
                        this.writes = 0;
                        this.client?.Dispose();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Telemetry", "TcpClient", "client", "its Dispose does not dispose it") },
                fixedSource);
        }

        [Fact]
        public async Task DisposeBool_DisposesInsideIfDisposing()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                class Channel : IDisposable
                {
                    private readonly Socket {|#0:socket|} = {|#1:new Socket(SocketType.Dgram, ProtocolType.Udp)|};
                    private bool disposed;

                    public void Dispose()
                    {
                        Dispose(true);
                        GC.SuppressFinalize(this);
                    }

                    protected virtual void Dispose(bool disposing)
                    {
                        if (disposing)
                        {
                            disposed = true;
                        }
                    }
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                class Channel : IDisposable
                {
                    private readonly Socket socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                    private bool disposed;

                    public void Dispose()
                    {
                        Dispose(true);
                        GC.SuppressFinalize(this);
                    }

                    protected virtual void Dispose(bool disposing)
                    {
                        if (disposing)
                        {
                            disposed = true;
                            socket.Dispose();
                        }
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Channel", "Socket", "socket", "its Dispose does not dispose it") },
                fixedSource);
        }

        [Fact]
        public async Task DisposeAsyncOnly_HasNoFix()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class Session : IAsyncDisposable
                {
                    private readonly Socket {|#0:socket|} = {|#1:new Socket(SocketType.Stream, ProtocolType.Tcp)|};

                    public ValueTask DisposeAsync() => default;
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Session", "Socket", "socket", "its Dispose does not dispose it") },
                source);
        }
    }
}
