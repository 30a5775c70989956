using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    public sealed class DisposedSocketEscapesRuleTests
    {
        private const string Id = "SOCK205";

        [Fact]
        public async Task UsingSocketReturned_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                static class Factory
                {
                    public static Socket Open(EndPoint endPoint)
                    {
                        {|#1:using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);|}
                        socket.Connect(endPoint);
                        {|#0:return socket;|}
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "is returned"));
        }

        [Fact]
        public async Task StoredInAnObjectOfTheSameScope_DoesNotReport()
        {
            // The token is a local of the using's scope: it goes out of scope with the client it holds.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                sealed class Token
                {
                    public Socket? Socket;
                    public Socket?[] Sockets = new Socket?[1];
                }

                static class Worker
                {
                    public static void Run(string host)
                    {
                        using var client = new TcpClient();
                        var token = new Token();
                        client.Connect(host, 80);
                        token.Socket = client.Client;
                        token.Sockets[0] = client.Client;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }

        [Fact]
        public async Task ClientSocketOfUsingTcpClientStored_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                sealed class Holder
                {
                    private Socket? current;

                    public void Attach(string host, int port)
                    {
                        using ({|#1:var client = new TcpClient(host, port)|})
                        {
                            {|#0:this.current = client.Client|};
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("client", "is stored in 'this.current'"));
        }

        [Theory]
        [InlineData("_ = ")]
        [InlineData("")]
        public async Task UsingSocketCapturedByUnawaitedTask_Reports(string prefix)
        {
            var source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Pump
                {
                    public static void Start()
                    {
                        {|#1:using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);|}
                        
                """ + prefix + """
                {|#0:Task.Run(() => socket.Receive(new byte[1]))|};
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "is used by a task that is not awaited before the scope ends"));
        }

        [Fact]
        public async Task TaskReturnedFromUsingScope_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Pump
                {
                    public static Task<int> ReceiveLater()
                    {
                        using ({|#1:var socket = new Socket(SocketType.Dgram, ProtocolType.Udp)|})
                        {
                            return {|#0:Task.Run(() => socket.Receive(new byte[1]))|};
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("socket", "is used by a task that is not awaited before the scope ends"));
        }

        [Fact]
        public async Task AwaitedTaskAndReturnedData_DoNotReport()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Fine
                {
                    public static async Task<int> ReceiveAsync()
                    {
                        using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                        await Task.Run(() => socket.Receive(new byte[1]));
                        var pending = Task.Run(() => socket.Receive(new byte[1]));
                        return await pending;
                    }

                    public static int Read()
                    {
                        using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                        Func<Socket> get = () => { return socket; };
                        return socket.Available;
                    }

                    public static IEnumerable<Socket> Iterate()
                    {
                        using var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                        yield return socket;
                    }

                    public static Socket NotUsing()
                    {
                        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
                        return socket;
                    }
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
    }
}
