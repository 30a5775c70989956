using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>SOCK201 on a close path guarded by <c>Connected</c>: a failed or reset connection is never closed.</summary>
    public sealed class SocketClosedOnlyWhileConnectedRuleTests
    {
        private const string Id = "SOCK201";
        private const string Reason = "it is closed only while Connected, and a socket whose connect failed or was reset is not Connected, so it stays open";

        [Fact]
        public async Task CloseOnlyWhenConnected_Reports()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                public sealed class Link
                {
                    private TcpClient client = new TcpClient();
                    private Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public void Close()
                    {
                        if ({|#0:client.Connected|}) client.Close();
                        if (this.socket != null && {|#1:this.socket.Connected|})
                        {
                            this.socket.Shutdown(SocketShutdown.Both);
                            this.socket.Close();
                        }
                    }
                }
                """;

            await Verify.VerifyAsync(
                Id,
                source,
                Verify.Diagnostic(Id).WithLocation(0).WithArguments("client", Reason),
                Verify.Diagnostic(Id).WithLocation(1).WithArguments("socket", Reason));
        }

        [Fact]
        public async Task ShutdownGuardedCloseNot_ElseCloses_ClosedElsewhere_Silent()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                public sealed class Link : IDisposable
                {
                    private Socket a = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private Socket b = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    private TcpClient c = new TcpClient();

                    public void Close()
                    {
                        if (a.Connected)
                        {
                            a.Shutdown(SocketShutdown.Both);
                        }

                        a.Close();
                        if (b.Connected) b.Close(); else b.Dispose();
                        if (c.Connected) c.Close();
                        Action later = () => { if (c.Connected) c.Close(); };
                    }

                    public void Dispose() => c.Dispose();
                }
                """;

            await Verify.VerifyAsync(Id, source);
        }
    }
}
