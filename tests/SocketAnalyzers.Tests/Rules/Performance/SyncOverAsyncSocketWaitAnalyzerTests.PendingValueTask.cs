using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// A wait on a pending ValueTask whose source is the socket's event args does not block: it returns a default
    /// result at once (measured on .NET 10, Linux: rules/SOCK302.md). The message says so; the fix is the same.
    /// </summary>
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        [Fact]
        public async Task WaitOnEventArgsValueTask_SaysItReturnsADefaultResult()
        {
            const string source = """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    void M(Socket socket, TcpListener listener, NetworkStream stream, byte[] buffer, CancellationToken ct)
                    {
                        Socket accepted = socket.AcceptAsync(ct).{|#0:Result|};
                        int n = socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, ct).{|#1:Result|};
                        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
                        var from = socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, any, ct).GetAwaiter().{|#2:GetResult|}();
                        int sent = socket.SendAsync(buffer.AsMemory(), SocketFlags.None, ct).ConfigureAwait(false).GetAwaiter().{|#3:GetResult|}();
                        Socket next = listener.AcceptSocketAsync(ct).{|#4:Result|};
                        stream.WriteAsync(buffer.AsMemory(), ct).GetAwaiter().{|#5:GetResult|}();
                        ValueTask<int> read = stream.ReadAsync(buffer.AsMemory(), ct);
                        n = read.{|#6:Result|};
                        n = Receive(socket, buffer).{|#7:Result|};
                    }

                    // Hands the socket's ValueTask on as it is: a wait on its result is a wait on the socket's.
                    private static ValueTask<int> Receive(Socket socket, byte[] buffer) => socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Result", "Socket.AcceptAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "Socket.ReceiveAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".GetAwaiter().GetResult()", "Socket.ReceiveFromAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".GetAwaiter().GetResult()", "Socket.SendAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(4).WithArguments(".Result", "TcpListener.AcceptSocketAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(5).WithArguments(".GetAwaiter().GetResult()", "NetworkStream.WriteAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(6).WithArguments(".Result", "NetworkStream.ReadAsync", ReturnsDefault),
                Verify.Diagnostic("SOCK302").WithLocation(7).WithArguments(".Result", "C.Receive", ReturnsDefault));
        }

        [Fact]
        public async Task WaitThatReallyBlocks_SaysItBlocks()
        {
            // Traps: AsTask() first (a real task: measured, it blocks); ValueTasks built by async methods
            // (TcpListener.AcceptTcpClientAsync(ct), UdpClient.ReceiveAsync(ct), the program's own); the Task overloads
            // of the same members; a method of the program that returns the socket's ValueTask on one path only.
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    void M(TcpListener listener, UdpClient udp, byte[] buffer, CancellationToken ct)
                    {
                        Socket accepted = socket.AcceptAsync(ct).AsTask().{|#0:Result|};
                        TcpClient client = listener.AcceptTcpClientAsync(ct).{|#1:Result|};
                        var datagram = udp.ReceiveAsync(ct).{|#2:Result|};
                        int n = socket.ReceiveAsync(new ArraySegment<byte>(buffer), SocketFlags.None).{|#3:Result|};
                        n = ReadAsync(buffer).{|#4:Result|};
                        n = Either(buffer, true).{|#5:Result|};
                    }

                    private async ValueTask<int> ReadAsync(byte[] buffer) => await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);

                    // One return is a completed ValueTask: the wording stays the general one.
                    private ValueTask<int> Either(byte[] buffer, bool cached)
                    {
                        if (cached) return new ValueTask<int>(0);
                        return socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Result", "Socket.AcceptAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "TcpListener.AcceptTcpClientAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Result", "UdpClient.ReceiveAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(3).WithArguments(".Result", "Socket.ReceiveAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(4).WithArguments(".Result", "C.ReadAsync", Blocks),
                Verify.Diagnostic("SOCK302").WithLocation(5).WithArguments(".Result", "C.Either", Blocks));
        }

        [Fact]
        public async Task WaitOnUnboundCallWhoseOverloadsDifferInWhatTheWaitDoes_DoesNotReport()
        {
            // AcceptSocketAsync() returns a Task (the wait blocks), AcceptSocketAsync(ct) an event-args ValueTask (it does
            // not): with the argument's type missing, which one is called is not known, nor what the wait does.
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(TcpListener listener, {|#0:Settings|} settings)
                    {
                        var socket = listener.AcceptSocketAsync(settings.Token).Result;
                    }
                }
                """;

            await Verify.VerifyAsync(source, DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("Settings"));
        }
    }
}
