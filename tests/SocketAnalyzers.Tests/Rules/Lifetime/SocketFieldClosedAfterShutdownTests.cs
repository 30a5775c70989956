using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Lifetime.SocketFieldDisposalAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// SOCK204, a close path that runs <c>Shutdown</c> first: Shutdown throws NotConnected on a socket that never
    /// connected (socket-semantics H1, H2), so the Close after it in the same block never runs for a datagram socket the
    /// type never connects, nor for a stream socket whose connect failed.
    /// </summary>
    public sealed class SocketFieldClosedAfterShutdownTests
    {
        private const string Reason = "its only Close follows a Shutdown, which throws on a socket that never connected, so that Close never runs";

        private static string Type(string create, string more, string stop) => """
            using System.Net;
            using System.Net.Sockets;

            sealed class Peer
            {
                private Socket {|#0:socket|};

                public void Start(int port)
                {
                    socket = {|#1:CREATE|};
                    MORE
                }

                public void Stop()
                {
                    STOP
                }
            }
            """.Replace("CREATE", create).Replace("MORE", more).Replace("STOP", stop);

        private const string Udp = "new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)";
        private const string Tcp = "new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)";

        [Theory]
        [InlineData(Udp, "socket.Bind(new IPEndPoint(IPAddress.Any, port));", "try { socket.Shutdown(SocketShutdown.Receive); socket.Close(); } catch (SocketException) { }")]
        [InlineData(Udp, "socket.Bind(new IPEndPoint(IPAddress.Any, port));", "socket.Shutdown(SocketShutdown.Both); socket.Close();")]
        [InlineData(Tcp, "socket.Connect(\"localhost\", port);", "try { socket.Shutdown(SocketShutdown.Both); socket.Dispose(); } catch { }")]
        public async Task CloseOnlyAfterAShutdownThatCanFail_Reports(string create, string more, string stop)
        {
            await Verify.VerifyAsync(Type(create, more, stop), Verify.Diagnostic("SOCK204").WithLocation(0).WithLocation(1).WithArguments("Peer", "Socket", "socket", Reason));
        }

        [Theory]
        [InlineData(Udp, "socket.Connect(\"localhost\", port);", "socket.Shutdown(SocketShutdown.Both); socket.Close();")]
        [InlineData(Tcp, "socket.Bind(new IPEndPoint(IPAddress.Any, port)); socket.Listen(10);", "socket.Shutdown(SocketShutdown.Both); socket.Close();")]
        [InlineData(Udp, "socket.Bind(new IPEndPoint(IPAddress.Any, port));", "try { socket.Shutdown(SocketShutdown.Both); } finally { socket.Close(); }")]
        [InlineData(Udp, "socket.Bind(new IPEndPoint(IPAddress.Any, port));", "socket.Close();")]
        public async Task ShutdownThatCannotFailOrCloseThatStillRuns_DoesNotReport(string create, string more, string stop)
        {
            // A connected datagram socket accepts Shutdown (H2); a listener's Shutdown succeeds on Linux (H6) and is left
            // alone; a Close in a finally, or without a Shutdown before it, runs.
            var source = Type(create, more, stop).Replace("{|#0:socket|}", "socket").Replace("{|#1:" + create + "|}", create);
            await Verify.VerifyAsync(source);
        }
    }
}
