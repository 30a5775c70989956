using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// Issue 13 (set D, LnProxy): waits on a call that does not bind because an argument's type comes from a library
    /// that is not referenced, on a receiver that binds. Every overload the call may be stands for the same socket work.
    /// </summary>
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        [Fact]
        public async Task WaitOnSocketCallWithArgumentOfMissingType_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class Server
                {
                    private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
                    private readonly Connection peer = new Connection();

                    void Serve({|#0:Settings|} settings)
                    {
                        TcpClient client = listener.AcceptTcpClientAsync(settings.Token).{|#1:Result|};
                        var other = listener.AcceptTcpClientAsync(settings.Token).GetAwaiter().{|#2:GetResult|}();
                        peer.ReadAsync(settings.Token).{|#3:Wait|}();
                        var n = peer.ReadAsync(settings.Token).{|#4:Result|};
                    }
                }

                class Connection
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public async Task<int> ReadAsync(CancellationToken token) => await socket.ReceiveAsync(new byte[16], SocketFlags.None, token);
                }
                """;

            await Verify.VerifyAsync(
                source,
                DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("Settings"),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "TcpListener.AcceptTcpClientAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "TcpListener.AcceptTcpClientAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Wait()", "Connection.ReadAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(4).WithArguments(".Result", "Connection.ReadAsync", Blocks));
        }

        [Fact]
        public async Task WaitOnUnboundCallThatMayNotBeSocketWork_DoesNotReport()
        {
            // Traps: a receiver of a missing type; a reader of unknown origin; overloads of which one does no socket work;
            // a timed wait; an extension of the program with the name (the call may be it once the type is there).
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    void M({|#0:Settings|} settings, {|#1:Peer|} peer, StreamReader reader, Fetcher fetcher, UdpClient udp)
                    {
                        peer.ConnectAsync(settings.Host).Wait();
                        var line = reader.ReadLineAsync(settings.Token).Result;
                        var n = fetcher.Fetch(settings.Key).Result;
                        fetcher.Fetch(settings.Key).Wait(settings.Timeout);
                        var sent = udp.SendAsync(settings.Datagram).Result;
                    }
                }

                class Fetcher
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    public async Task<int> Fetch(CancellationToken token) => await socket.ReceiveAsync(new byte[16], SocketFlags.None, token);
                    public Task<int> Fetch(string cached) => Task.FromResult(cached.Length);
                }

                static class UdpExtensions
                {
                    public static Task<int> SendAsync(this UdpClient udp, {|#2:Datagram|} datagram) => Task.FromResult(0);
                }
                """;

            await Verify.VerifyAsync(
                source,
                DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("Settings"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(1).WithArguments("Peer"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(2).WithArguments("Datagram"));
        }
    }
}
