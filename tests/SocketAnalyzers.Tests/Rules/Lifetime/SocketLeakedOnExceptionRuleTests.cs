using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    public sealed class SocketLeakedOnExceptionRuleTests
    {
        private const string Id = "SOCK202";

        [Fact]
        public async Task FactoryConnectsBeforeReturning_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                static class Factory
                {
                    public static Socket Connect(EndPoint endPoint)
                    {
                        var socket = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        socket.{|#1:Connect|}(endPoint);
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "Connect"));
        }

        [Fact]
        public async Task AsyncFactory_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Factory
                {
                    public static async Task<Socket> ConnectAsync(string host, int port, CancellationToken token)
                    {
                        var socket = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        await socket.{|#1:ConnectAsync|}(host, port, token);
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "ConnectAsync"));
        }

        [Fact]
        public async Task ListenerStartedBeforeTry_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                static class Server
                {
                    public static void Run(int port)
                    {
                        var listener = {|#0:new TcpListener(IPAddress.Loopback, port)|};
                        listener.{|#1:Start|}();
                        try
                        {
                            using var client = listener.AcceptTcpClient();
                        }
                        finally
                        {
                            listener.Stop();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }

        [Theory]
        [InlineData("static void Main(string[] args)")]
        [InlineData("static async System.Threading.Tasks.Task<int> Main()")]
        public async Task EntryPoint_DoesNotReport(string signature)
        {
            // An exception that leaves Main ends the process, and its descriptors with it.
            var source = """
                using System.Net;
                using System.Net.Sockets;

                static class Program
                {
                    SIGNATURE
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        try
                        {
                            using var client = listener.AcceptTcpClient();
                        }
                        finally
                        {
                            listener.Stop();
                        }

                        RETURN
                    }
                }
                """.Replace("SIGNATURE", signature).Replace("RETURN", signature.Contains("int") ? "return 0;" : "");

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task InstanceMethodNamedMain_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Service
                {
                    public void Main()
                    {
                        var listener = {|#0:new TcpListener(IPAddress.Loopback, 0)|};
                        listener.{|#1:Start|}();
                        listener.Stop();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }

        [Fact]
        public async Task WriteOnAcceptedClientsStream_ReportsTheClient()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Server
                {
                    public static void Greet(TcpListener listener, byte[] greeting)
                    {
                        var client = {|#0:listener.AcceptTcpClient()|};
                        var stream = client.GetStream();
                        stream.{|#1:Write|}(greeting, 0, greeting.Length);
                        client.Close();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("client", "Write"));
        }

        [Fact]
        public async Task ReconnectUnderNullTestOnField_Reports()
        {
            // A null test on a field must not make its branch unreachable (fields may be null).
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Client : IDisposable
                {
                    private readonly EndPoint endPoint;
                    private Socket? socket;

                    public Client(EndPoint endPoint) => this.endPoint = endPoint;

                    public void Send(byte[] data)
                    {
                        if (this.socket is null)
                        {
                            var fresh = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                            fresh.{|#1:Connect|}(this.endPoint);
                            this.socket = fresh;
                        }

                        this.socket.Send(data);
                    }

                    public void Dispose() => this.socket?.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("fresh", "Connect"));
        }

        [Fact]
        public async Task LambdaWithFinallyInsideUsing_AnalysedWithoutCrash()
        {
            // Regression: an exception in a lambda's graph was delivered to the parent's finally (AD0001).
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class C
                {
                    public static async Task M(EndPoint ep)
                    {
                        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(ep);
                        await Task.Run(async () =>
                        {
                            try
                            {
                                await socket.ReceiveAsync(new byte[1], SocketFlags.None);
                            }
                            finally
                            {
                                socket.Shutdown(SocketShutdown.Both);
                            }
                        });
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Theory]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(ep); return s; } catch { s.Dispose(); throw; }")]
        [InlineData("using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); return null!;")]
        [InlineData("return new Socket(SocketType.Stream, ProtocolType.Tcp);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.NoDelay = true; return s;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(ep); } catch (SocketException) { s.Dispose(); throw; } return s;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(ep); } finally { s.Dispose(); } return null!;")]
        public async Task ProtectedOrNothingThrows_DoesNotReport(string body)
        {
            var source = """
                using System.Net;
                using System.Net.Sockets;

                static class Factory
                {
                    public static Socket M(EndPoint ep)
                    {
                """ + body + """

                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task NormalPathLeak_IsSock201NotSock202()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                static class C
                {
                    public static void M(EndPoint ep)
                    {
                        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        s.Connect(ep);
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Theory]
        [InlineData("var server = new TcpListener(IPAddress.Any, port); server.Start();", "server.AcceptTcpClient()")]
        [InlineData("var server = new Socket(SocketType.Stream, ProtocolType.Tcp); server.Bind(new IPEndPoint(IPAddress.Any, port)); server.Listen(10);", "server.Accept()")]
        public async Task ServerThatServesForever_ThrowBeforeItsLoop_DoesNotReport(string setUp, string accept)
        {
            // The listener is never released on a normal path (the loop has no way out but an exception): its life is
            // the process's by design, and a throw from Bind or Start leaves it no more open than serving does.
            var source = """
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private readonly List<object> connections = new List<object>();

                    public void Run(int port)
                    {
                        SETUP
                        while (true)
                        {
                            connections.Add(ACCEPT);
                        }
                    }
                }
                """.Replace("SETUP", setUp).Replace("ACCEPT", accept);

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task ServerThatServesForever_ConnectionClosedEachIteration_ThrowBeforeClose_Reports()
        {
            // Each connection is released on a normal path (the Close at the end of its iteration): a Send that throws
            // first leaks it, loop or no loop.
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    public void Run(TcpListener listener, byte[] greeting)
                    {
                        while (true)
                        {
                            var client = {|#0:listener.AcceptSocket()|};
                            client.{|#1:Send|}(greeting);
                            client.Close();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("client", "Send"));
        }

        [Fact]
        public async Task ServerLoopThatCanEnd_ThrowBeforeItsLoop_Reports()
        {
            // The loop ends when the flag is cleared and the listener is stopped then: a Start that throws skips that stop.
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    private volatile bool running = true;

                    public void Stop() => running = false;

                    public void Run(int port)
                    {
                        var listener = {|#0:new TcpListener(IPAddress.Any, port)|};
                        listener.{|#1:Start|}();
                        while (running)
                        {
                            using var client = listener.AcceptTcpClient();
                        }

                        listener.Stop();
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "Start"));
        }

        [Fact]
        public async Task ServerThatServesForever_InAFireAndForgetTask_Reports()
        {
            // A Start button runs the server in a task nobody observes: a Bind that throws faults that task, the window
            // goes on, and the socket stays open until a collection finalizes it.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Window
                {
                    void Start_Click(object sender, EventArgs e)
                    {
                        Task.Run(() =>
                        {
                            var listener = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                            listener.{|#1:Bind|}(new IPEndPoint(IPAddress.Any, 8080));
                            listener.Listen(20);
                            while (true)
                            {
                                using var handler = listener.Accept();
                                handler.Send(new byte[] { 1 });
                            }
                        });
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "Bind"));
        }

        [Fact]
        public async Task CatchThatLogsAndRethrowsWithoutTheSocket_Reports()
        {
            // The catch handles nothing for the socket: the exception goes on, and nothing closes it.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public static class Client
                {
                    public static int Exchange(IPEndPoint endPoint, byte[] request, byte[] reply)
                    {
                        var sender = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        try
                        {
                            sender.{|#1:Connect|}(endPoint);
                            sender.Send(request);
                            var count = sender.Receive(reply);
                            sender.Close();
                            return count;
                        }
                        catch (SocketException e)
                        {
                            Console.WriteLine(e.Message);
                            throw;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("sender", "Connect"));
        }

        [Theory]
        [InlineData("catch (SocketException) { sender.Close(); throw; }")]
        [InlineData("catch (SocketException e) { Console.WriteLine(e.Message); return -1; }")]
        [InlineData("catch (SocketException) { throw; } finally { Console.WriteLine(); }")]
        public async Task CatchThatNamesTheSocketSwallowsOrHasAFinally_DoesNotReport(string handlers)
        {
            // A catch that names the socket may close it (trusted for every exception); one that swallows leaves the
            // rest to the normal paths (SOCK201); a finally is the author's own handling.
            var source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                public static class Client
                {
                    public static int Exchange(IPEndPoint endPoint, byte[] request, byte[] reply)
                    {
                        var sender = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            sender.Connect(endPoint);
                            sender.Send(request);
                            var count = sender.Receive(reply);
                            sender.Close();
                            return count;
                        }
                        HANDLERS
                    }
                }
                """.Replace("HANDLERS", handlers);

            await Verify.VerifyAsync(Id, source);
        }
    }
}
