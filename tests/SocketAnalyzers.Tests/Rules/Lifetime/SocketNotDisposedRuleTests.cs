using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    public sealed class SocketNotDisposedRuleTests
    {
        private const string Id = "SOCK201";

        [Fact]
        public async Task NeverDisposed_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    int FindFreePort()
                    {
                        var socket = {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        return ((IPEndPoint)socket.LocalEndPoint!).Port;
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task EarlyReturnSkipsDispose_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Notify(IPEndPoint target, byte[] payload)
                    {
                        var udp = {|#0:new UdpClient()|};
                        if (payload.Length == 0)
                        {
                            return;
                        }

                        udp.Send(payload, payload.Length, target);
                        udp.Close();
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("udp", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task NonOwningNetworkStreamDisposed_SocketStillReports()
        {
            // new NetworkStream(socket) does not own the socket (socket-semantics J7).
            const string source = /* lang=c#-test */ """
                using System.IO;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    string ReadLine(EndPoint endPoint)
                    {
                        var socket = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        socket.Connect(endPoint);
                        using var stream = new NetworkStream(socket);
                        using var reader = new StreamReader(stream);
                        return reader.ReadLine() ?? "";
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task AnnotatedFactoryResult_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                [AttributeUsage(AttributeTargets.Method)]
                sealed class MustDisposeResourceAttribute : Attribute { }

                static class Factory
                {
                    [MustDisposeResource]
                    public static extern Socket Open();
                }

                class C
                {
                    void Use(EndPoint target)
                    {
                        var socket = {|#0:Factory.Open()|};
                        socket.SendTo(new byte[] { 1 }, target);
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task LeaveInnerStreamOpen_InnerStreamStillReports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Security;
                using System.Net.Sockets;

                class C
                {
                    void Probe(Socket connected)
                    {
                        var inner = {|#0:new NetworkStream(connected, ownsSocket: true)|};
                        using var tls = new SslStream(inner, leaveInnerStreamOpen: true);
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("inner", "no path closes it before the method ends"));
        }

        [Theory]
        [InlineData("using var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep);")]
        [InlineData("using (var s = new Socket(SocketType.Stream, ProtocolType.Tcp)) { s.Connect(ep); }")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); try { s.Connect(ep); } finally { s.Close(); }")]
        [InlineData("var s = flag ? new Socket(SocketType.Dgram, ProtocolType.Udp) : new Socket(SocketType.Stream, ProtocolType.Tcp); using (s) { }")]
        [InlineData("var l = new TcpListener(IPAddress.Loopback, 0); l.Start(); l.Stop();")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); this.field = s;")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Keep(s);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); list.Add(s);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); using var stream = new NetworkStream(s, ownsSocket: true);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Task.Run(() => { using (s) { s.Connect(ep); } });")]
        [InlineData("var c = new TcpClient(); c.Connect(\"localhost\", 80); using var stream = c.GetStream();")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); Adopt(s);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); CloseLater(s);")]
        [InlineData("using var c = new TcpClient(); var stream = c.GetStream();")]
        public async Task DisposedOrHandedOff_DoesNotReport(string body)
        {
            var source = """
                using System;
                using System.Collections.Generic;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class HandlesResourceDisposalAttribute : Attribute { }

                class C
                {
                    private Socket? field;
                    private readonly List<Socket> list = new List<Socket>();

                    void M(EndPoint ep, bool flag)
                    {
                """ + body + """

                    }

                    static extern void Keep(Socket s);

                    static extern void Adopt([HandlesResourceDisposal] Socket s);

                    static void CloseLater(Socket s) => s.Dispose();

                    void Stop() => list.ForEach(s => s.Dispose());
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task StrictOwnershipOption_UnknownCallKeepsOwnership_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var s = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        Log(s);
                    {|#1:}|}

                    static extern void Log(object o);
                }
                """;

            await Verify.VerifyAsync(Id, source, "socket_analyzers.unknown_call_ownership = keep", Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("s", "no path closes it before the method ends"));
            await Verify.VerifyAsync(Id, source.Replace("{|#0:", "").Replace(")|};", ");").Replace("{|#1:}|}", "}"), "socket_analyzers.unknown_call_ownership = transfer");
        }

        [Fact]
        public async Task ServerLoopWithoutNormalExit_DoesNotReport()
        {
            // `while (true)` without a break has no normal end: the listener lives as long as the server runs, and
            // only an exception ends it (SOCK202's business, not this rule's).
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    void Run()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                            client.NoDelay = true;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task ServerLoopWithBreak_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class Server
                {
                    void Run(int limit)
                    {
                        var listener = {|#0:new TcpListener(IPAddress.Loopback, 0)|};
                        listener.Start();
                        var served = 0;
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                            if (++served == limit)
                            {
                                break;
                            }
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task EntryPointEndsWithSocketOpen_DoesNotReport()
        {
            // When Main returns the process ends, and the system closes what is still open.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Program
                {
                    static void Main()
                    {
                        var client = new TcpClient();
                        client.Connect("127.0.0.1", 5000);
                        client.GetStream().WriteByte(1);
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task SameCodeOutsideTheEntryPoint_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Program
                {
                    static void Run()
                    {
                        var client = {|#0:new TcpClient()|};
                        client.Connect("127.0.0.1", 5000);
                        client.GetStream().WriteByte(1);
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        [Theory]
        [InlineData("listener?.Stop();")]
        [InlineData("listener?.Dispose();")]
        [InlineData("if (listener != null) listener.Stop();")]
        public async Task CreatedInTryClosedInFinallyAfterNullTest_DoesNotReport(string close)
        {
            // The null branch of the finally is the path where the constructor never ran, not a listener left open.
            var source = """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Server
                {
                    public static void Run()
                    {
                        TcpListener? listener = null;
                        try
                        {
                            listener = new TcpListener(IPAddress.Loopback, 0);
                            listener.Start();
                        }
                        catch (SocketException exception)
                        {
                            Console.WriteLine(exception.SocketErrorCode);
                        }
                        finally
                        {
                            CLOSE
                        }
                    }
                }
                """.Replace("CLOSE", close);

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task CreatedInTryNeverClosed_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                static class Server
                {
                    public static void Run()
                    {
                        TcpListener? listener = null;
                        try
                        {
                            listener = {|#0:new TcpListener(IPAddress.Loopback, 0)|};
                            listener.Start();
                        }
                        catch (SocketException exception)
                        {
                            Console.WriteLine(exception.SocketErrorCode);
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("listener", "no path closes it before the method ends"));
        }
    }
}
