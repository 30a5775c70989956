using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>SOCK202 in constructors: a socket stored in a field of the object under construction, then an operation that throws.</summary>
    public sealed class SocketFieldLeakedByConstructorRuleTests
    {
        private const string Id = "SOCK202";

        [Fact]
        public async Task BindAfterStoringInField_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class UdpListenerService : IDisposable
                {
                    private readonly Socket socket;

                    public UdpListenerService(int port)
                    {
                        {|#0:socket|} = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.{|#1:Bind|}(new IPEndPoint(IPAddress.Any, port));
                    }

                    public void Dispose() => socket.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "Bind"));
        }

        [Theory]
        [InlineData("Socket.{|#1:Bind|}(localhost.ToIPEndPoint());", "Bind")]
        [InlineData("Socket.{|#1:Connect|}(localhost.Host, localhost.Port);", "Connect")]
        public async Task OperationWhoseArgumentTypeIsMissing_Reports(string call, string member)
        {
            // Compiled without the reference that defines IPAccessPoint: whichever overload was meant, it is a Bind.
            var source = """
                using System.Net;
                using System.Net.Sockets;

                public sealed class Listener
                {
                    public Socket Socket { get; private set; }

                    public Listener({|CS0246:IPAccessPoint|} localhost)
                    {
                        {|#0:Socket|} = new Socket(SocketType.Stream, ProtocolType.Tcp);
                """ + call + """

                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("Socket", member));
        }

        [Fact]
        public async Task OperationWhoseArgumentTypeIsMissing_CaughtAndClosed_Silent()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                public sealed class Listener
                {
                    public Socket Socket { get; private set; }

                    public Listener({|CS0246:IPAccessPoint|} localhost)
                    {
                        Socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            Socket.Bind(localhost.ToIPEndPoint());
                        }
                        catch
                        {
                            Socket.Dispose();
                            throw;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task ThroughALocal_AutoPropertyAndListenerStart_Report()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Server : IDisposable
                {
                    public TcpListener Listener { get; }

                    public Server(int port)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, port);
                        {|#0:this.Listener|} = listener;
                        if (port == 0)
                        {
                            Console.WriteLine("ephemeral");
                        }

                        listener.{|#1:Start|}();
                    }

                    public void Dispose() => this.Listener.Stop();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("Listener", "Start"));
        }

        [Fact]
        public async Task ConnectInsideAnIfAfterAnOption_TheConnectIsNamed()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Client : IDisposable
                {
                    private readonly TcpClient client;

                    public Client(string host, int port, bool connect)
                    {
                        {|#0:client|} = new TcpClient();
                        client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
                        client.Client.ExclusiveAddressUse = true;
                        if (connect)
                        {
                            client.{|#1:Connect|}(host, port);
                        }
                    }

                    public void Dispose() => client.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("client", "Connect"));
        }

        [Fact]
        public async Task CaughtAndClosed_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class UdpListenerService : IDisposable
                {
                    private readonly Socket socket;

                    public UdpListenerService(int port)
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        try
                        {
                            socket.Bind(new IPEndPoint(IPAddress.Any, port));
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    }

                    public void Dispose() => socket.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task OrdinaryMethodInjectedSocketAndNoThrowAfterStore_Silent()
        {
            // A method's caller holds the object and can still dispose it; an injected socket is not the constructor's;
            // nothing that throws runs after the store in the last constructor.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Peer : IDisposable
                {
                    private Socket socket;

                    public Peer(Socket injected, EndPoint endPoint)
                    {
                        socket = injected;
                        socket.Connect(endPoint);
                    }

                    public Peer(int port)
                    {
                        var bound = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket = bound;
                    }

                    public void Open(EndPoint endPoint)
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Connect(endPoint);
                    }

                    public void Dispose() => socket.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task ObjectHandedOutOrWorkInALambda_Silent()
        {
            // Once 'this' is registered, its new holder can dispose it; the lambda's Bind runs later, on a built object.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class Node : IDisposable
                {
                    private readonly Socket socket;
                    private readonly Socket other;

                    public Node(List<Node> registry, int port)
                    {
                        socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        registry.Add(this);
                        socket.Bind(new IPEndPoint(IPAddress.Any, port));
                        other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        Task.Run(() => other.Bind(new IPEndPoint(IPAddress.Any, port + 1)));
                    }

                    public void Dispose()
                    {
                        socket.Dispose();
                        other.Dispose();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task LocalFunctionOrTryFinally_Silent_LoopReports()
        {
            // A local function runs when called (its body is analysed on its own); a try is the author's handling; a
            // ConnectAsync fails through its task, not the constructor; in a loop, the unprotected Connect is named.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Peer : IDisposable
                {
                    private readonly Socket a;
                    private readonly Socket b;
                    private readonly Socket c;

                    public Peer(EndPoint[] endPoints)
                    {
                        a = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        void Open() => a.Connect(endPoints[0]);
                        b = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            b.Connect(endPoints[0]);
                        }
                        finally
                        {
                            Console.WriteLine("tried");
                        }

                        {|#0:c|} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        _ = c.ConnectAsync(endPoints[0]);
                        foreach (var endPoint in endPoints)
                        {
                            c.{|#1:Connect|}(endPoint);
                        }
                    }

                    public void Dispose()
                    {
                        a.Dispose();
                        b.Dispose();
                        c.Dispose();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("c", "Connect"));
        }

        [Fact]
        public async Task BindBeforeTheStore_IsTheMethodLevelFinding()
        {
            // The local still owns it when Bind throws: the method-level rule reports the creation, once.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class UdpListenerService : IDisposable
                {
                    private readonly Socket socket;

                    public UdpListenerService(int port)
                    {
                        var s = {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)|};
                        s.{|#1:Bind|}(new IPEndPoint(IPAddress.Any, port));
                        socket = s;
                    }

                    public void Dispose() => socket.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("s", "Bind"));
        }
    }
}
