using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>EndAccept, EndAcceptSocket, EndAcceptTcpClient and FromAsync over them return an accepted connection (SOCK203).</summary>
    public sealed class ApmAcceptTests
    {
        private const string Id = "SOCK203";

        private static string Server(string members) => """
            using System;
            using System.Collections.Generic;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Session { public Session(TcpClient client) { } }

            class Server
            {
                private const int Max = 10;
                private readonly TcpListener listener = new TcpListener(System.Net.IPAddress.Any, 0);
                private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                private readonly List<Session> sessions = new List<Session>();
                private readonly byte[] data = new byte[16];

                static void Log(string message) => Console.WriteLine(message);

            """ + members + """

            }
            """;

        [Fact]
        public async Task EndAcceptTcpClientDroppedWhenFull_Reports()
        {
            var source = Server("""
                    void OnAccept(IAsyncResult ar)
                    {
                        var c = {|#0:listener.EndAcceptTcpClient(ar)|};
                        listener.BeginAcceptTcpClient(OnAccept, null);
                        if (sessions.Count >= Max) { Log("full"); return; }
                        sessions.Add(new Session(c));
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("EndAcceptTcpClient", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task EndAcceptSocketNeverClosed_Reports()
        {
            var source = Server("""
                    void OnAccept(IAsyncResult ar)
                    {
                        Socket peer = {|#0:listener.EndAcceptSocket(ar)|};
                        peer.Send(data);
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("EndAcceptSocket", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task EndAcceptInLambdaCallback_Reports()
        {
            var source = Server("""
                    void Start()
                    {
                        socket.BeginAccept(ar =>
                        {
                            var peer = {|#0:socket.EndAccept(ar)|};
                            if (peer.Receive(data) == 0)
                            {
                                return;
                            }

                            peer.Close();
                        {|#1:}|}, null);
                    }
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("EndAccept", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task FromAsyncAcceptInLoop_Reports()
        {
            var source = Server("""
                    async Task RunAsync()
                    {
                        while (true)
                        {
                            var client = await {|#0:Task.Factory.FromAsync(listener.BeginAcceptTcpClient, listener.EndAcceptTcpClient, null)|};
                            if (sessions.Count >= Max)
                            {
                                continue;
                            }

                            sessions.Add(new Session(client));
                        }
                    {|#1:}|}
                """);

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("EndAcceptTcpClient", "the next iteration replaces it while it is still open"));
        }

        [Theory]
        [InlineData("var c = listener.EndAcceptTcpClient(ar); using (c) { c.GetStream().WriteByte(1); }")]
        [InlineData("var c = listener.EndAcceptTcpClient(ar); sessions.Add(new Session(c));")]
        [InlineData("var c = listener.EndAcceptTcpClient(ar); try { c.GetStream().WriteByte(1); } finally { c.Close(); }")]
        [InlineData("var s = socket.EndAccept(ar); _ = Task.Run(() => { using (s) { s.Send(data); } });")]
        [InlineData("var s = socket.EndAccept(ar); s.BeginReceive(data, 0, data.Length, SocketFlags.None, OnReceive, s);")]
        [InlineData("var s = socket.EndAccept(out var buffer, ar); s.Dispose();")]
        [InlineData("listener.EndAcceptTcpClient(ar).Close();")]
        public async Task ClosedOrHandedOff_DoesNotReport(string body)
        {
            var source = Server("""
                    void OnAccept(IAsyncResult ar)
                    {
                """ + body + """

                    }

                    void OnReceive(IAsyncResult ar) => ((Socket)ar.AsyncState!).Close();
                """);

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task FromAsyncHandedToSession_DoesNotReport()
        {
            var source = Server("""
                    async Task RunAsync()
                    {
                        while (true)
                        {
                            var client = await Task<TcpClient>.Factory.FromAsync(listener.BeginAcceptTcpClient, listener.EndAcceptTcpClient, null);
                            sessions.Add(new Session(client));
                        }
                    }
                """);

            await Verify.VerifyAsync(Id, source);
        }
    }
}
