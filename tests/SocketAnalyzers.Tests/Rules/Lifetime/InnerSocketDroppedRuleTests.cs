using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>SOCK201 on <c>tcpClient.Client = null</c> / <c>udpClient.Client = null</c>.</summary>
    public sealed class InnerSocketDroppedRuleTests
    {
        private const string Id = "SOCK201";

        private static string Reason(string wrapper) =>
            "setting it to null orphans the socket, and disposing the " + wrapper + " no longer closes it";

        [Fact]
        public async Task WrapperLetsGoOfItsOpenSocket_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                sealed class Probe : IDisposable
                {
                    private UdpClient udp;

                    public void Check(string host, int port)
                    {
                        using var client = new TcpClient();
                        client.Connect(host, port);
                        if (port == 0)
                        {
                            {|#0:client.Client = null|};
                        }
                    }

                    public void Reset(int port)
                    {
                        udp = new UdpClient(port);
                        {|#1:this.udp.Client = null|};
                    }

                    public void Dispose() => udp?.Dispose();
                }
                """;

            await Verify.VerifyAsync(
                Id,
                source,
                Verify.Diagnostic(Id).WithLocation(0).WithArguments("client.Client", Reason("TcpClient")),
                Verify.Diagnostic(Id).WithLocation(1).WithArguments("this.udp.Client", Reason("UdpClient")));
        }

        [Fact]
        public async Task DetachedClosedOrNotOurs_Silent()
        {
            // Read out first (a detach hands the socket on), closed first, a wrapper already disposed, a parameter.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                static class Detach
                {
                    public static Socket Take(string host, int port)
                    {
                        var client = new TcpClient();
                        client.Connect(host, port);
                        var socket = client.Client;
                        client.Client = null;
                        return socket;
                    }

                    public static void ClosedFirst(string host, int port)
                    {
                        var client = new TcpClient();
                        client.Connect(host, port);
                        client.Client.Close();
                        client.Client = null;
                    }

                    public static void DisposedFirst(int port)
                    {
                        var udp = new UdpClient(port);
                        udp.Dispose();
                        udp.Client = null;
                    }

                    public static void NotOurs(TcpClient client) => client.Client = null;
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
    }
}
