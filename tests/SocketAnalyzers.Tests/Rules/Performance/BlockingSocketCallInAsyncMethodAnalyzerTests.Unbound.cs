using Microsoft.CodeAnalysis.Testing;
using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// Issue 13 (set D, DjArt): calls that do not bind because an argument's type comes from a library that is not
    /// referenced, on a receiver that binds to a socket type. Every overload the call may be blocks.
    /// </summary>
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        [Fact]
        public async Task BlockingCallWithArgumentOfMissingType_Reports()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Connection
                {
                    public Socket Socket { get; private set; } = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    async Task Open({|#0:AccessPoint|} remote)
                    {
                        await Task.Yield();
                        Socket.{|#1:Connect|}(remote.ToEndPoint());
                    }

                    async Task<bool> Send(object receiver, byte[] data)
                    {
                        await Task.Yield();
                        int count = Socket.{|#2:SendTo|}(data, (receiver as {|#3:AccessPoint|})?.ToEndPoint());
                        return count == data.Length;
                    }

                    void Start(Socket listener, {|#4:Options|} options)
                    {
                        Func<Task> accept = async () => { await Task.Yield(); listener.{|#5:Send|}(options.Payload); };
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("AccessPoint"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(3).WithArguments("AccessPoint"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(4).WithArguments("Options"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("Socket.Connect", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("Socket.SendTo", "SendToAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(5).WithArguments("Socket.Send", "SendAsync"));
        }

        [Fact]
        public async Task UnboundCallThatMayNotBlock_DoesNotReport()
        {
            // Traps: a synchronous method; an argument whose type binds and fits no overload (a mistake, not a missing
            // reference); a receiver of a missing type; a socket made non-blocking, or checked as readable; a member
            // without async counterpart (Shutdown); a named argument; an extension method of the program with the name.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    void Sync(Socket socket, {|#0:AccessPoint|} remote) => socket.Connect(remote.ToEndPoint());

                    async Task M(Socket socket, Socket polled, {|#1:AccessPoint|} remote, {|#2:Peer|} peer)
                    {
                        await Task.Yield();
                        socket.Connect(42, remote.Port);
                        polled.Send(remote.Message);
                        peer.Connect(remote.ToEndPoint());
                        socket.Blocking = false;
                        socket.Send(remote.Payload);
                        if (polled.Poll(0, SelectMode.SelectRead)) polled.Receive(remote.Buffer);
                        polled.Shutdown(remote.How);
                        polled.Connect(remoteEP: remote.ToEndPoint());
                    }
                }

                static class SocketExtensions
                {
                    // An extension of the program: polled.Send(remote.Message) may be this one, which does not block.
                    public static void Send(this Socket socket, {|#3:Message|} message) { }
                }
                """;

            await Verify.VerifyAsync(
                source,
                DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("AccessPoint"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(1).WithArguments("AccessPoint"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(2).WithArguments("Peer"),
                DiagnosticResult.CompilerError("CS0246").WithLocation(3).WithArguments("Message"));
        }
    }
}
