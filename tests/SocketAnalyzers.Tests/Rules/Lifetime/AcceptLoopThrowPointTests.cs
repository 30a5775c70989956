using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Option setters backed by setsockopt and delegate or event invocations may throw while an accepted socket is owned:
    /// a catch that continues the accept loop then drops it open (SOCK203).
    /// </summary>
    public sealed class AcceptLoopThrowPointTests
    {
        private const string Id = "SOCK203";

        private static string Server(string tryBody, string catchBody = "Log(e);") => """
            using System;
            using System.Collections.Generic;
            using System.Net.Sockets;

            class Server
            {
                private readonly List<TcpClient> clients = new List<TcpClient>();

                public event EventHandler? Connected;

                static void Log(object message) => Console.WriteLine(message);

                public void Stop()
                {
                    foreach (var c in clients)
                    {
                        c.Close();
                    }
                }

                void Serve(TcpListener listener, Action<string> notify)
                {
                    while (true)
                    {
                        var client = {|#0:listener.AcceptTcpClient()|};
                        try
                        {
            """ + tryBody + """

                            clients.Add(client);
                        }
                        catch (Exception e)
                        {
            """ + catchBody + """

                        }
                    }
                {|#1:}|}
            }
            """;

        [Theory]
        [InlineData("client.NoDelay = true;")]
        [InlineData("client.LingerState = new System.Net.Sockets.LingerOption(true, 0);")]
        [InlineData("client.ReceiveTimeout = 5000;")]
        [InlineData("client.SendBufferSize = 1 << 16;")]
        [InlineData("client.Client.Ttl = 32;")]
        [InlineData("Connected?.Invoke(this, EventArgs.Empty);")]
        [InlineData("notify(\"accepted\");")]
        public async Task ThrowPointBeforeHandOffCaughtAndContinued_Reports(string throwPoint)
        {
            await Verify.VerifyAsync(Id, Server(throwPoint), Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"));
        }

        [Theory]
        [InlineData("client.NoDelay = true;", "Log(e); client.Dispose();")]
        [InlineData("Connected?.Invoke(this, EventArgs.Empty);", "client.Close(); Log(e);")]
        [InlineData("Log(\"accepted\");", "Log(e);")]
        [InlineData("var name = client.Client.RemoteEndPoint?.ToString();", "Log(e);")]
        public async Task DisposedInCatchOrNoThrowPoint_DoesNotReport(string tryBody, string catchBody)
        {
            // Logging fails only by a programming error; a property read changes nothing.
            var source = Server(tryBody, catchBody).Replace("{|#0:", string.Empty).Replace("|}", string.Empty).Replace("{|#1:", string.Empty);
            await Verify.VerifyAsync(Id, source);
        }
    }
}
