using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    public sealed class AcceptedSocketNotDisposedRuleTests
    {
        private const string Id = "SOCK203";

        [Fact]
        public async Task InfiniteAcceptLoopForgetsClient_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Server
                {
                    public static void Greet(TcpListener listener, byte[] greeting)
                    {
                        while (true)
                        {
                            var client = {|#0:listener.AcceptTcpClient()|};
                            client.GetStream().Write(greeting, 0, greeting.Length);
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"));
        }

        [Fact]
        public async Task AsyncAcceptLoopSkipsDispose_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Server
                {
                    public static async Task ServeAsync(Socket listener, CancellationToken token)
                    {
                        var buffer = new byte[16];
                        while (!token.IsCancellationRequested)
                        {
                            var client = await {|#0:listener.AcceptAsync(token)|};
                            if (await client.ReceiveAsync(buffer, SocketFlags.None, token) == 0)
                            {
                                continue;
                            }

                            client.Dispose();
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptAsync", "the next iteration replaces it while it is still open"));
        }

        [Theory]
        [InlineData("using var client = listener.Accept();")]
        [InlineData("var client = listener.Accept(); _ = HandleAsync(client);")]
        [InlineData("var client = listener.Accept(); _ = Task.Run(() => client.Dispose());")]
        [InlineData("var client = listener.Accept(); clients.Add(client);")]
        [InlineData("var client = listener.Accept(); new Thread(() => Echo(client)).Start();")]
        [InlineData("var client = listener.Accept(); using var stream = new NetworkStream(client, ownsSocket: true);")]
        public async Task DisposedOrHandedToHandler_DoesNotReport(string body)
        {
            var source = """
                using System.Collections.Generic;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class Server
                {
                    private readonly List<Socket> clients = new List<Socket>();

                    void Serve(Socket listener)
                    {
                        while (true)
                        {
                """ + body + """

                        }
                    }

                    static async Task HandleAsync(Socket client)
                    {
                        using (client)
                        {
                            await client.ReceiveAsync(new byte[1], SocketFlags.None);
                        }
                    }

                    static void Echo(Socket s) => s.Dispose();

                    public void Stop()
                    {
                        foreach (var c in clients)
                        {
                            c.Close();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
            [Theory]
        [InlineData("await listener.AcceptAsync().ConfigureAwait(false)")]
        [InlineData("await listener.AcceptAsync()")]
        [InlineData("await listener.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(5))")]
        public async Task HandedToHandlerInLoopThatCatchesEverything_DoesNotReport(string accept)
        {
            // The handler's own failure is its business: the socket was handed over when the call began.
            var source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Server
                {
                    async Task KeepAccepting(Socket listener)
                    {
                        while (true)
                        {
                            try
                            {
                                var client = ACCEPT;
                                OnAccepted(client);
                            }
                            catch (Exception)
                            {
                                continue;
                            }
                        }
                    }

                    async void OnAccepted(Socket socket)
                    {
                        if (socket.Available > 4096)
                        {
                            return;
                        }

                        await Task.Yield();
                        socket.Dispose();
                    }
                }
                """.Replace("ACCEPT", accept);

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task WrappedInTryThatReturnsNullOnFailure_DoesNotReport()
        {
            // `await … .ConfigureAwait(false)` yields a socket or throws at the await; the wrapper takes the socket.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                sealed class Connection : IDisposable
                {
                    private readonly Socket socket;
                    private readonly NetworkStream stream;

                    public Connection(Socket socket)
                    {
                        this.socket = socket ?? throw new ArgumentNullException(nameof(socket));
                        this.stream = new NetworkStream(socket, true);
                    }

                    public void Dispose() => this.stream.Dispose();
                }

                static class Acceptor
                {
                    public static async Task<Connection?> AcceptAsync(Socket listener)
                    {
                        try
                        {
                            var client = await listener.AcceptAsync().ConfigureAwait(false);
                            return new Connection(client);
                        }
                        catch (ObjectDisposedException)
                        {
                            return null;
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task OutsideFailureBeforeHandOff_StillReports()
        {
            // A name lookup that fails is caught, and the loop goes on with the accepted client still open.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Proxy
                {
                    async Task Run(TcpListener listener, string upstream)
                    {
                        while (true)
                        {
                            try
                            {
                                var client = await {|#0:listener.AcceptTcpClientAsync()|}.ConfigureAwait(false);
                                var addresses = await Dns.GetHostAddressesAsync(upstream);
                                Forward(client, addresses[0]);
                            }
                            catch (Exception)
                            {
                            }
                        }
                    {|#1:}|}

                    void Forward(TcpClient client, IPAddress address) => _ = Task.Run(() => client.Dispose());
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClientAsync", "the next iteration replaces it while it is still open"));
        }

        [Fact]
        public async Task SocketExceptionHandlerAfterNonNetworkCalls_DoesNotReport()
        {
            // Console and List<T> never raise a SocketException: `catch (SocketException)` only sees the Accept fail,
            // and then there is no socket.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;

                static class Server
                {
                    public static void AcceptOne(Socket listener, List<Socket> clients)
                    {
                        try
                        {
                            var client = listener.Accept();
                            Console.WriteLine("connected: " + client.RemoteEndPoint);
                            clients.Add(client);
                        }
                        catch (SocketException exception)
                        {
                            Console.WriteLine(exception.Message);
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task HandlerOfEveryExceptionAfterNonNetworkCalls_DoesNotReport()
        {
            // Catching everything: Console and List<T> fail only by a programming error, not for reasons outside the
            // program, so (as for SOCK202) their exceptions are not where the client is said to leak.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;

                static class Server
                {
                    public static void AcceptOne(Socket listener, List<Socket> clients)
                    {
                        try
                        {
                            var client = listener.Accept();
                            Console.WriteLine("connected: " + client.RemoteEndPoint);
                            clients.Add(client);
                        }
                        catch (Exception exception)
                        {
                            Console.WriteLine(exception.Message);
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task HandlerOfEveryExceptionAfterSend_Reports()
        {
            // A send fails when the peer resets: caught, the method ends with the client still open.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;

                static class Server
                {
                    public static void AcceptOne(Socket listener, List<Socket> clients, byte[] greeting)
                    {
                        try
                        {
                            var client = {|#0:listener.Accept()|};
                            client.Send(greeting);
                            clients.Add(client);
                        }
                        catch (Exception exception)
                        {
                            Console.WriteLine(exception.Message);
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("Accept", "some path reaches the end of the method with it still open"));
        }

        [Fact]
        public async Task RetryUntilAcceptedThroughWait_DoesNotReport()
        {
            // When Wait throws, the accept failed: there is no socket, and the loop tries again.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Server
                {
                    public static Socket AcceptOne(Socket listener)
                    {
                        Socket? socket = null;
                        do
                        {
                            try
                            {
                                Task<Socket> task = listener.AcceptAsync();
                                task.Wait();
                                socket = task.Result;
                            }
                            catch
                            {
                            }
                        }
                        while (socket == null);

                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task AcceptedThroughGetResultAndForgotten_Reports()
        {
            // The socket flows through GetAwaiter().GetResult(): still this method's to close.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Server
                {
                    public static void Serve(Socket listener, byte[] greeting)
                    {
                        while (true)
                        {
                            var client = {|#0:listener.AcceptAsync()|}.GetAwaiter().GetResult();
                            client.Send(greeting);
                        }
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptAsync", "the next iteration replaces it while it is still open"));
        }
    }
}
