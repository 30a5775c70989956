using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// A private or internal handler whose every caller hands it a socket they own, as their last use of it, owns that
    /// parameter: the paths where it neither closes nor hands it on are reported at the parameter (SOCK201, SOCK202).
    /// </summary>
    public sealed class HandlerOwnershipTests
    {
        private const string NotDisposed = "SOCK201";
        private const string OnException = "SOCK202";
        private const string Accepted = "SOCK203";

        private static string Server(string caller, string handler) => """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Server
            {
                private readonly List<Socket> sessions = new List<Socket>();
                private readonly byte[] data = new byte[16];

                static void Log(object message) => Console.WriteLine(message);

                public void Stop()
                {
                    foreach (var s in sessions)
                    {
                        s.Close();
                    }
                }

                void Serve(TcpListener listener, Socket socketListener)
                {
            """ + caller + """

                }

            """ + handler + """

            }
            """;

        [Fact]
        public async Task EarlyReturnBeforeHandOff_Reports()
        {
            var source = Server(
                "while (true) { var client = socketListener.Accept(); Handle(client); }",
                """
                    private void Handle(Socket {|#0:client|})
                    {
                        if (client.Receive(data) == 0)
                        {
                            return;
                        }

                        sessions.Add(client);
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "some path reaches the end of the method with it still open"));
        }

        [Theory]
        [InlineData(NotDisposed)]
        [InlineData(Accepted)]
        public async Task HandlerParameterCapturedByALambda_DoesNotReport(string id)
        {
            // The lambda is not followed: it may keep or close the socket, so neither the handler nor its caller owns it
            // alone (found on real code: a UI callback posted with the client before the handler stores it).
            var source = Server(
                "while (true) { var client = listener.AcceptTcpClient(); _ = Task.Run(() => HandleAsync(client)); }",
                """
                    private async Task HandleAsync(TcpClient client)
                    {
                        ThreadPool.QueueUserWorkItem(_ => Log(client), null);
                        await client.GetStream().WriteAsync(data, 0, 1);
                    }
                """);

            await Verify.VerifyAsync(id, source);
        }

        [Fact]
        public async Task CloseGuardedByConnected_Reports()
        {
            // A reset or never-connected socket is not Connected: the guard skips exactly the sockets that need closing.
            var source = Server(
                "var client = listener.AcceptTcpClient(); new Thread(() => Handle(client)).Start();",
                """
                    private static void Handle(TcpClient {|#0:client|})
                    {
                        try
                        {
                            client.GetStream().WriteByte(1);
                        }
                        catch (IOException)
                        {
                        }
                        finally
                        {
                            if (client.Connected)
                            {
                                client.Close();
                            }
                        }
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task CatchThatLogsAndReturns_Reports()
        {
            var source = Server(
                "_ = HandleAsync(listener.AcceptTcpClient());",
                """
                    private async Task HandleAsync(TcpClient {|#0:client|})
                    {
                        try
                        {
                            await client.GetStream().WriteAsync(data, 0, data.Length);
                        }
                        catch (IOException e)
                        {
                            Log(e);
                            return;
                        }

                        client.Dispose();
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task DisconnectWithoutClose_Reports()
        {
            var source = Server(
                "var peer = socketListener.Accept(); ThreadPool.QueueUserWorkItem(Handle, peer);",
                """
                    private void Handle(object? {|#0:state|})
                    {
                        var peer = (Socket)state!;
                        if (peer.Receive(data) > 0)
                        {
                            peer.Disconnect(false);
                            return;
                        }

                        peer.Close();
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("state", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task ThrowBeforeCloseInTask_ReportsOnException()
        {
            var source = Server(
                "var peer = socketListener.Accept(); _ = HandleAsync(peer);",
                """
                    private async Task HandleAsync(Socket {|#0:peer|})
                    {
                        await peer.{|#1:SendAsync|}(data, SocketFlags.None);
                        peer.Close();
                    }
                """);

            await Verify.VerifyAsync(OnException, source, Verify.Diagnostic(OnException).WithLocation(0).WithLocation(1).WithArguments("peer", "SendAsync"));
        }

        [Fact]
        public async Task ThrowBeforeCloseOnThread_DoesNotReportOnException()
        {
            // The thread's unhandled exception ends the process: the system closes the socket.
            var source = Server(
                "var peer = socketListener.Accept(); new Thread(Handle).Start(peer);",
                """
                    private void Handle(object? state)
                    {
                        var peer = (Socket)state!;
                        peer.Send(data);
                        peer.Close();
                    }
                """);

            await Verify.VerifyAsync(OnException, source);
        }

        [Theory]
        [InlineData("var c = socketListener.Accept(); Handle(c);", "void")]
        [InlineData("HandleAsync(socketListener.Accept());", "async void")]
        [InlineData("var c = socketListener.Accept(); _ = HandleAsync(c);", "async Task")]
        [InlineData("var c = socketListener.Accept(); c.NoDelay = true; if (c.Available > 0) { c.Send(new byte[1]); } _ = HandleAsync(c);", "async Task")]
        [InlineData("var c = socketListener.Accept(); _ = Task.Run(() => HandleAsync(c));", "async Task")]
        [InlineData("while (true) { var c = socketListener.Accept(); ThreadPool.QueueUserWorkItem(_ => Handle(c)); }", "void")]
        public async Task EveryCallForm_Reports(string caller, string returns)
        {
            // A plain call, async void, a discarded task, a task or work item that calls it: each hands the socket over.
            var name = returns == "void" ? "Handle" : "HandleAsync";
            var source = Server(caller, "    private " + returns + " " + name + """
                (Socket {|#0:client|})
                    {
                        if (client.Available == 0)
                        {
                            return;
                        }

                        client.Close();
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "some path reaches the end of the method with it still open"));
        }

        [Theory]
        [InlineData("var c = socketListener.Accept(); Handle(c); c.Close();")]
        [InlineData("var c = socketListener.Accept(); try { Handle(c); } finally { c.Close(); }")]
        [InlineData("using var c = socketListener.Accept(); Handle(c);")]
        [InlineData("var c = socketListener.Accept(); Handle(c); Handle(socketListener);")]
        [InlineData("Socket? c = null; while (true) { c = socketListener.Accept(); Handle(c); }")]
        [InlineData("var c = socketListener.Accept(); Handle(c); Action a = () => Handle(c);")]
        [InlineData("var c = socketListener.Accept(); Handle(c); EventHandler<Socket> e = (_, s) => Handle(s);")]
        [InlineData("var c = socketListener.Accept(); sessions.Add(c); Handle(c);")]
        [InlineData("var c = socketListener.Accept(); using var s = new NetworkStream(c, ownsSocket: true); Handle(c);")]
        [InlineData("var c = socketListener.Accept(); Log(c); Handle(c);")]
        public async Task NotEveryCallerHandsItOver_DoesNotReport(string caller)
        {
            // Used after the call, disposed by the caller, a caller that lends a socket it does not own, a variable
            // shared across iterations, another reference to the handler, a socket given to another owner first.
            var source = Server(caller, """
                    private void Handle(Socket client)
                    {
                        if (client.Receive(data) == 0)
                        {
                            return;
                        }

                        client.Close();
                    }
                """);

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Theory]
        [InlineData("public")]
        [InlineData("protected")]
        [InlineData("internal virtual")]
        public async Task CallableFromElsewhere_DoesNotReport(string modifiers)
        {
            var source = Server("var c = socketListener.Accept(); Handle(c);", "    " + modifiers + """
                 void Handle(Socket client)
                    {
                        if (client.Receive(data) == 0)
                        {
                            return;
                        }

                        client.Close();
                    }
                """).Replace("class Server", "public class Server");

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task HandlerClosesOnEveryPath_DoesNotReport()
        {
            var source = Server("var c = socketListener.Accept(); Handle(c);", """
                    private void Handle(Socket client)
                    {
                        using (client)
                        {
                            if (client.Receive(data) == 0)
                            {
                                return;
                            }

                            client.Send(data);
                        }
                    }
                """);

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task HandlerThatNeverClosesIt_ReportedOnceAtTheAccept()
        {
            // The caller's summary of the handler says it never takes the socket: the caller reports, the handler does not.
            var source = Server("var c = {|#0:socketListener.Accept()|}; Handle(c);\n{|#1:}|}\nvoid Unused() {", """
                    private void Handle(Socket client)
                    {
                        client.Send(data);
                    }
                """);

            await Verify.VerifyAsync(NotDisposed, source);
            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("Accept", "no path closes it before the method ends"));
        }
        [Theory]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); Handle(client); }", "private static void Handle(TcpClient client) { using NetworkStream stream = client.GetStream(); stream.WriteByte(1); }")]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); _ = HandleAsync(client); }", "private static async Task HandleAsync(TcpClient client) { using NetworkStream stream = client.GetStream(); await stream.WriteAsync(new byte[1], 0, 1); }")]
        [InlineData("while (true) { var client = listener.AcceptTcpClient(); _ = HandleAsync(client); }", "private static async Task HandleAsync(TcpClient client) { using (var reader = new StreamReader(client.GetStream())) { await reader.ReadLineAsync(); } }")]
        public async Task HandlerDisposesTheClientsStream_DoesNotReport(string caller, string handler)
        {
            // Disposing the stream of GetStream(), or a reader that owns it, closes the client's socket (J7).
            var source = Server(caller, handler);
            await Verify.VerifyAsync(Accepted, source);
            await Verify.VerifyAsync(NotDisposed, source);
        }
    }
}
