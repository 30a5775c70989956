using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Ownership facts real code relies on (false positives once): the stream of GetStream owns the client's socket
    /// (J7), a non-owning NetworkStream holds no descriptor, a closing handler given TcpClient.Client ends the client's
    /// obligation, paths that end the process are no end of the method, an APM call's state goes to its callback, and a
    /// retry loop that disposes and nulls its client is not replacing an open one.
    /// </summary>
    public sealed class OwnershipFactsTrapTests
    {
        private const string NotDisposed = "SOCK201";
        private const string OnException = "SOCK202";

        private static string Client(string members) => """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;

            class C
            {
                private Stream? kept;

                static void Log(object message) => Console.WriteLine(message);

                [DoesNotReturn]
                static void Fail(string message) => throw new InvalidOperationException(message);

            """ + members + """

            }
            """;

        [Fact]
        public async Task DuplicateAndClose_ClosesTheSocketHere()
        {
            // DuplicateAndClose hands the socket to another process and closes it in this one.
            await Verify.VerifyAsync("SOCK203", Client("void Pass(Socket listener, int pid) { var s = listener.Accept(); s.DuplicateAndClose(pid); }"));
        }

        [Theory]
        [InlineData("Stream Open(IPEndPoint ep) { var c = new TcpClient(); c.Connect(ep); return c.GetStream(); }")]
        [InlineData("NetworkStream Open(IPEndPoint ep) { var c = new TcpClient(); c.Connect(ep); var s = c.GetStream(); return s; }")]
        [InlineData("void Open(IPEndPoint ep) { var c = new TcpClient(); c.Connect(ep); kept = c.GetStream(); }")]
        [InlineData("void Open(IPEndPoint ep, out Stream stream) { var c = new TcpClient(); c.Connect(ep); stream = c.GetStream(); }")]
        public async Task StreamOfGetStreamHandedOff_DoesNotReport(string member)
        {
            // The stream's Dispose closes the client's socket (J7): whoever gets the stream owns the connection.
            await Verify.VerifyAsync(NotDisposed, Client(member));
        }

        [Fact]
        public async Task StreamOfGetStreamReturnedOnOnePathOnly_Reports()
        {
            var source = Client("""
                    Stream? Open(IPEndPoint ep, bool fast)
                    {
                        var c = {|#0:new TcpClient()|};
                        c.Connect(ep);
                        if (fast)
                        {
                            return c.GetStream();
                        }

                        return null;
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("c", "some path reaches the end of the method with it still open"));
        }

        [Theory]
        [InlineData("void Send(Socket s, byte[] data) { var stream = new NetworkStream(s); stream.Write(data, 0, data.Length); }")]
        [InlineData("void Send(Socket s, byte[] data) { var stream = new NetworkStream(s, ownsSocket: false); stream.Write(data, 0, data.Length); }")]
        [InlineData("void Send(Socket s, byte[] data) { var stream = new NetworkStream(s, FileAccess.Write); stream.Write(data, 0, data.Length); }")]
        public async Task NonOwningNetworkStream_DoesNotReport(string member)
        {
            await Verify.VerifyAsync(NotDisposed, Client(member));
        }

        [Fact]
        public async Task OwningNetworkStreamNeverDisposed_Reports()
        {
            var source = Client("""
                    void Send(Socket s, byte[] data)
                    {
                        var stream = {|#0:new NetworkStream(s, ownsSocket: true)|};
                        stream.Write(data, 0, data.Length);
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("stream", "no path closes it before the method ends"));
        }

        [Theory]
        [InlineData("void Run(IPEndPoint ep) { var c = new TcpClient(); c.Connect(ep); Close(c.Client); }\nstatic void Close(Socket s) { s.Shutdown(SocketShutdown.Both); s.Close(); }")]
        [InlineData("void Run(IPEndPoint ep) { var c = new TcpClient(); c.Connect(ep); c.Client.Close(); }")]
        public async Task ClientSocketClosed_DoesNotReport(string member)
        {
            await Verify.VerifyAsync(NotDisposed, Client(member));
        }

        [Theory]
        [InlineData("Environment.Exit(1);")]
        [InlineData("Environment.FailFast(\"no connection\");")]
        [InlineData("Fail(\"no connection\");")]
        [InlineData("Thread.Sleep(Timeout.Infinite);")]
        public async Task PathEndsTheProcessOrNeverReturns_DoesNotReport(string end)
        {
            var source = Client("""
                    void Run(IPEndPoint ep)
                    {
                        var c = new TcpClient();
                        c.Connect(ep);
                        if (c.Available == 0)
                        {
                            Log("no data");
                """ + end + """

                        }
                        else
                        {
                            c.Dispose();
                        }
                    }
                """);

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task PathEndsInOrdinaryCall_Reports()
        {
            var source = Client("""
                    void Run(IPEndPoint ep)
                    {
                        var c = {|#0:new TcpClient()|};
                        c.Connect(ep);
                        if (c.Available == 0)
                        {
                            Log("no data");
                        }
                        else
                        {
                            c.Dispose();
                        }
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("c", "some path reaches the end of the method with it still open"));
        }

        [Theory]
        [InlineData("var l = new Socket(SocketType.Stream, ProtocolType.Tcp); l.Bind(ep); l.Listen(10); l.BeginAccept(OnAccept, l);")]
        [InlineData("var s = new Socket(SocketType.Stream, ProtocolType.Tcp); s.Connect(ep); s.BeginReceive(buffer, 0, 1, SocketFlags.None, OnReceive, s);")]
        public async Task SocketIsStateOfItsOwnApmCall_DoesNotReport(string body)
        {
            var source = Client("""
                    private readonly byte[] buffer = new byte[1];

                    void Run(IPEndPoint ep)
                    {
                """ + body + """

                    }

                    static void OnAccept(IAsyncResult ar) => ((Socket)ar.AsyncState!).Close();

                    static void OnReceive(IAsyncResult ar) => ((Socket)ar.AsyncState!).Close();
                """);

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Fact]
        public async Task AcceptedSocketIsStateOfItsBeginReceiveInsideTryCatch_DoesNotReport()
        {
            // A Begin call reports a network failure to its callback, never synchronously (ApmErrorDeliveryTests): the
            // catch is reached without the socket, which the receive callback owns.
            var source = Client("""
                    private readonly byte[] buffer = new byte[1];
                    private Socket listener = null!;

                    void OnAccept(IAsyncResult ar)
                    {
                        try
                        {
                            var socket = listener.EndAccept(ar);
                            socket.BeginReceive(buffer, 0, 1, SocketFlags.None, OnReceive, socket);
                            listener.BeginAccept(OnAccept, null);
                        }
                        catch (Exception e)
                        {
                            Log(e);
                        }
                    }

                    static void OnReceive(IAsyncResult ar) => ((Socket)ar.AsyncState!).Close();
                """);

            await Verify.VerifyAsync("SOCK203", source);
        }

        [Fact]
        public async Task AcceptedSocketUsedSynchronouslyBeforeItsBeginReceiveInsideTryCatch_Reports()
        {
            // A synchronous Send before the hand-off can fail (reset): the catch then drops the open connection.
            var source = Client("""
                    private readonly byte[] buffer = new byte[1];
                    private Socket listener = null!;

                    void OnAccept(IAsyncResult ar)
                    {
                        try
                        {
                            var socket = {|#0:listener.EndAccept(ar)|};
                            socket.Send(buffer);
                            socket.BeginReceive(buffer, 0, 1, SocketFlags.None, OnReceive, socket);
                        }
                        catch (Exception e)
                        {
                            Log(e);
                        }
                    {|#1:}|}

                    static void OnReceive(IAsyncResult ar) => ((Socket)ar.AsyncState!).Close();
                """);

            await Verify.VerifyAsync("SOCK203", source, Verify.Diagnostic("SOCK203").WithLocation(0).WithLocation(1).WithArguments("EndAccept", "some path reaches the end of the method with it still open"));
        }

        [Theory]
        [InlineData(NotDisposed)]
        [InlineData(OnException)]
        public async Task RetryLoopDisposesAndNullsBeforeContinueAndInCatch_DoesNotReport(string id)
        {
            // A flow capture of `t?.Dispose()` once outlived its region and was taken for a live holder of the client.
            var source = Client("""
                    void Run(IPEndPoint ep, CancellationToken token)
                    {
                        TcpClient? t = null;
                        while (!token.IsCancellationRequested)
                        {
                            try
                            {
                                t = new TcpClient();
                                t.Connect(ep);
                                if (t.Available == 0)
                                {
                                    t?.Dispose();
                                    t = null;
                                    continue;
                                }

                                t.GetStream().WriteByte(1);
                                t.Dispose();
                                t = null;
                            }
                            catch (SocketException)
                            {
                                t?.Dispose();
                                t = null;
                                Thread.Sleep(1000);
                            }
                        }
                    }
                """);

            await Verify.VerifyAsync(id, source);
        }

        [Fact]
        public async Task RetryLoopForgetsToDisposeBeforeContinue_Reports()
        {
            var source = Client("""
                    void Run(IPEndPoint ep, CancellationToken token)
                    {
                        TcpClient? t = null;
                        while (!token.IsCancellationRequested)
                        {
                            try
                            {
                                t = {|#0:new TcpClient()|};
                                t.Connect(ep);
                                if (t.Available == 0)
                                {
                                    t = null;
                                    continue;
                                }

                                t.Dispose();
                                t = null;
                            }
                            catch (SocketException)
                            {
                                t?.Dispose();
                                t = null;
                            }
                        }
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("t", "the next iteration replaces it while it is still open"));
        }
    }
}
