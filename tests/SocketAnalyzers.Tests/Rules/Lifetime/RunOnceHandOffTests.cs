using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// A socket moved into a lambda or local function that a thread, a task or the thread pool runs once: the function
    /// owns it, and a path of the function that ends with it open is reported at the accept or creation.
    /// </summary>
    public sealed class RunOnceHandOffTests
    {
        private const string Accepted = "SOCK203";
        private const string Created = "SOCK201";
        private const string OnException = "SOCK202";

        private static string Server(string body) => """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Server
            {
                void Serve(TcpListener listener, Socket socketListener, byte[] data, EndPoint ep, SocketAsyncEventArgs args)
                {
            """ + body + """

                }
            }
            """;

        [Fact]
        public async Task ThreadLambdaNeverClosesAcceptedSocket_Reports()
        {
            var source = Server("""
                        Socket peer = {|#0:listener.AcceptSocket()|};
                        new Thread(() => { var b = new byte[64]; int n = peer.Receive(b); peer.Send(b, n, SocketFlags.None); {|#1:}|}).Start();
                """);

            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("AcceptSocket", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task TaskLambdaReturnsEarly_Reports()
        {
            var source = Server("""
                        while (true)
                        {
                            var client = {|#0:listener.AcceptTcpClient()|};
                            _ = Task.Run(() =>
                            {
                                var stream = client.GetStream();
                                if (stream.ReadByte() < 0)
                                {
                                    return;
                                }

                                client.Dispose();
                            {|#1:}|});
                        }
                """);

            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task StateArgumentReadBackWithCast_Reports()
        {
            var source = Server("""
                        ThreadPool.QueueUserWorkItem(state => { var c = (Socket)state!; c.Send(data); {|#1:}|}, {|#0:socketListener.Accept()|});
                """);

            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("Accept", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task ParameterizedThreadStartReadBackWithAs_Reports()
        {
            var source = Server("""
                        var client = {|#0:listener.AcceptTcpClient()|};
                        var thread = new Thread(o =>
                        {
                            var c = o as TcpClient;
                            if (c == null)
                            {
                                return;
                            }

                            c.GetStream().WriteByte(1);
                        {|#1:}|});
                        thread.IsBackground = true;
                        thread.Start(client);
                """);

            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task LocalFunctionStartedAsTask_Reports()
        {
            var source = Server("""
                        var s = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        Task.Factory.StartNew(Work);

                        void Work()
                        {
                            s.Connect(ep);
                            s.Send(data);
                        {|#1:}|}
                """);

            await Verify.VerifyAsync(Created, source, Verify.Diagnostic(Created).WithLocation(0).WithLocation(1).WithArguments("s", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task TaskLambdaThrowsBeforeClose_ReportsOnException()
        {
            var source = Server("""
                        var client = {|#0:socketListener.Accept()|};
                        _ = Task.Run(() =>
                        {
                            client.{|#1:Receive|}(data);
                            client.Close();
                        });
                """);

            await Verify.VerifyAsync(OnException, source, Verify.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("client", "Receive"));
        }

        [Theory]
        [InlineData("new Thread(() => { client.Receive(data); client.Close(); }).Start();")]
        [InlineData("ThreadPool.QueueUserWorkItem(_ => { client.Receive(data); client.Close(); });")]
        [InlineData("_ = Task.Run(() => { try { client.Receive(data); } finally { client.Close(); } });")]
        public async Task ThrowInThreadOrProtectedTask_DoesNotReportOnException(string handOff)
        {
            // An exception a thread or work item does not catch ends the process, and the system closes the socket.
            var source = Server("var client = socketListener.Accept();\n" + handOff);
            await Verify.VerifyAsync(OnException, source);
        }

        [Theory]
        [InlineData("new Thread(() => { using (peer) { peer.Send(data); } }).Start();")]
        [InlineData("_ = Task.Run(() => { try { peer.Send(data); } finally { peer.Dispose(); } });")]
        [InlineData("ThreadPool.UnsafeQueueUserWorkItem(o => ((Socket)o!).Close(), peer);")]
        [InlineData("Task.Factory.StartNew(o => { if (o is Socket s) { s.Close(); } }, peer);")]
        [InlineData("_ = Task.Run(() => Close(peer));\nstatic void Close(Socket s) => s.Dispose();")]
        [InlineData("_ = Task.Run(async () => { await Task.Yield(); peer.Dispose(); });")]
        public async Task FunctionClosesIt_DoesNotReport(string handOff)
        {
            var source = Server("var peer = socketListener.Accept();\n" + handOff);
            await Verify.VerifyAsync(Accepted, source);
        }

        [Theory]
        [InlineData("_ = Task.Run(() => peer.Send(data)); peer.Close();")]
        [InlineData("_ = Task.Run(() => peer.Send(data)); _ = Task.Run(() => peer.Close());")]
        [InlineData("args.Completed += (_, _) => peer.Send(data);")]
        [InlineData("var t = new Thread(() => peer.Send(data));")]
        [InlineData("Action send = () => peer.Send(data); send();")]
        [InlineData("_ = Task.Run(() => { peer.Send(data); peer = null; });")]
        [InlineData("var worker = new Thread(() => peer.Send(data)); worker.Start(); worker = new Thread(() => { }); worker.Start();")]
        public async Task NotAHandOffToOneRunOnceFunction_DoesNotReport(string handOff)
        {
            // Used afterwards, shared by two functions, an event (may run many times or never), a thread never started,
            // a delegate called in place, a function that writes the variable, a thread variable assigned twice.
            var source = Server("var peer = socketListener.Accept();\n" + handOff);
            await Verify.VerifyAsync(Accepted, source);
        }

        [Fact]
        public async Task VariableDeclaredOutsideTheLoop_DoesNotReport()
        {
            // Every iteration's lambda shares the one variable: a later iteration may overwrite it before the task reads it.
            var source = Server("""
                        Socket? peer = null;
                        while (true)
                        {
                            peer = socketListener.Accept();
                            _ = Task.Run(() => peer.Send(data));
                        }
                """);

            await Verify.VerifyAsync(Accepted, source);
        }

        [Fact]
        public async Task EarlyReturnBeforeHandOff_ReportsInTheBody()
        {
            var source = Server("""
                        var peer = {|#0:socketListener.Accept()|};
                        if (data.Length == 0)
                        {
                            return;
                        }

                        _ = Task.Run(() => { using (peer) { peer.Send(data); } });
                    {|#1:}|}

                    void Unused()
                    {
                """);

            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("Accept", "some path reaches the end of the method with it still open"));
        }
    }
}
