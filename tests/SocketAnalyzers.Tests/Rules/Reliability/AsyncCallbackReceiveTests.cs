using System.Threading.Tasks;
using Sock401 = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;
using Sock402 = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// Issue 13: EndReceive/EndRead return the received count like Receive/Read, and a callback that re-arms its own
    /// receive on a path a 0 count takes spins once the peer has closed (each 0-byte completion re-arms at once, D12).
    /// </summary>
    public sealed class AsyncCallbackReceiveTests
    {
        private const string Rearm = "socket.BeginReceive(buf, 0, buf.Length, SocketFlags.None, Callback, null);";

        public static TheoryData<string, string> CallbacksThatRearmOnZero => new()
        {
            { "int n = socket.{|#0:EndReceive|}(ar); OnData(buf, n); " + Rearm, "Socket.EndReceive" },
            { "var n = stream.{|#0:EndRead|}(ar); Console.Write(Encoding.ASCII.GetString(buf, 0, n)); stream.BeginRead(buf, 0, buf.Length, new AsyncCallback(Callback), null);", "NetworkStream.EndRead" },
            { "socket.{|#0:EndReceive|}(ar); OnData(buf, buf.Length); socket.BeginReceive(buf, 0, buf.Length, SocketFlags.None, r => Callback(r), null);", "Socket.EndReceive" },
            { "int n = socket.{|#0:EndReceive|}(ar); if (n > 0) { OnData(buf, n); } " + Rearm, "Socket.EndReceive" },
            { "int n = socket.{|#0:EndReceive|}(ar); if (n >= 0) " + Rearm, "Socket.EndReceive" },
            { "try { int n = socket.{|#0:EndReceive|}(ar); OnData(buf, n); " + Rearm + " } catch (SocketException) { socket.Close(); }", "Socket.EndReceive" },
            { "int n = socket.{|#0:EndReceive|}(ar); if (n == 0) { Console.WriteLine(\"closed\"); } else { OnData(buf, n); } " + Rearm, "Socket.EndReceive" },
        };

        [Theory]
        [MemberData(nameof(CallbacksThatRearmOnZero))]
        public async Task CallbackThatRearmsOnZero_Reports(string body, string member) =>
            await Sock402.VerifyAsync(Code(body), Sock402.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Theory]
        [InlineData("int n = socket.EndReceive(ar); if (n == 0) { socket.Close(); return; } OnData(buf, n); " + Rearm)]
        [InlineData("int n = socket.EndReceive(ar); if (n > 0) { OnData(buf, n); " + Rearm + " }")]
        [InlineData("int n = socket.EndReceive(ar); if (n == 0) { Shut(); } " + Rearm)]
        [InlineData("int n = socket.EndReceive(ar); if (n < 4) throw new IOException(); " + Rearm)]
        [InlineData("int n = socket.EndReceive(ar); if (n < buf.Length) return; " + Rearm)]
        [InlineData("int n = socket.EndReceive(ar); if (Keep()) " + Rearm)]
        [InlineData("try { int n = socket.EndReceive(ar); OnData(buf, n); } catch { " + Rearm + " }")]
        // A datagram socket (a 0-byte datagram ends nothing, D18), another callback, a receive not re-armed.
        [InlineData("int n = udp.EndReceive(ar); OnData(buf, n); udp.BeginReceive(buf, 0, buf.Length, SocketFlags.None, Callback, null);")]
        [InlineData("int n = socket.EndReceive(ar); OnData(buf, n); socket.BeginReceive(buf, 0, buf.Length, SocketFlags.None, Other, null);")]
        [InlineData("int n = socket.EndReceive(ar); OnData(buf, n);")]
        public async Task CallbackThatLeavesOnZeroOrIsNoLoop_DoesNotReport(string body) =>
            await Sock402.VerifyAsync(Code(body));

        [Theory]
        [InlineData("int count = socket.{|#0:EndReceive|}(ar); var text = Encoding.UTF8.GetString(buf, 0, 1024); Console.Write(text);", "Socket.EndReceive")]
        [InlineData("stream.{|#0:EndRead|}(ar); Console.Write(Encoding.UTF8.GetString(buf));", "NetworkStream.EndRead")]
        public async Task IgnoredEndCount_Reports(string body, string member) =>
            await Sock401.VerifyAsync(Code(body), Sock401.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));

        [Fact]
        public async Task EndCountThatBoundsTheUse_DoesNotReport() =>
            await Sock401.VerifyAsync(Code("int count = socket.EndReceive(ar); Console.Write(Encoding.UTF8.GetString(buf, 0, count));"));

        [Theory]
        [InlineData("state.Socket.{|#0:EndReceive|}(ar); state.Text.Append(Encoding.ASCII.GetString(state.Buffer)); state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, 0, new AsyncCallback(Read), state);", true)]
        [InlineData("int n = state.Socket.EndReceive(ar); if (n > 0) { state.Text.Append(Encoding.ASCII.GetString(state.Buffer, 0, n)); state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, 0, new AsyncCallback(Read), state); } else { state.Socket.Close(); }", false)]
        [InlineData("int n = state.Socket.EndReceive(ar, out SocketError error); if (error != SocketError.Success) return; state.Socket.BeginReceive(state.Buffer, 0, state.Buffer.Length, 0, Read, state);", false)]
        public async Task StaticCallbackWithAStateObject(string body, bool spins)
        {
            // A static callback that finds its socket in the state object: the re-arm is the loop's back edge.
            var source = $$"""
                using System;
                using System.Net.Sockets;
                using System.Text;

                class State
                {
                    public Socket Socket;
                    public byte[] Buffer = new byte[1024];
                    public StringBuilder Text = new StringBuilder();
                }

                static class Server
                {
                    static void Read(IAsyncResult ar)
                    {
                        var state = (State)ar.AsyncState;
                        {{body}}
                    }
                }
                """;
            if (spins)
            {
                await Sock402.VerifyAsync(source, Sock402.Diagnostic("SOCK402").WithLocation(0).WithArguments("Socket.EndReceive"));
            }
            else
            {
                await Sock402.VerifyAsync(source);
            }
        }

        private static string Code(string body) => $$"""
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Text;

            class Cb
            {
                private readonly Socket socket;
                private readonly NetworkStream stream;
                private readonly byte[] buf = new byte[1024];
                private readonly Socket udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                private bool running = true;

                Cb(Socket s, NetworkStream n)
                {
                    socket = s;
                    stream = n;
                }

                bool Keep() => running;

                void Shut() => running = false;

                void OnData(byte[] b, int n) => Console.Write(n);

                void Other(IAsyncResult ar) => Console.Write(ar);

                void Callback(IAsyncResult ar)
                {
                    {{body}}
                }
            }
            """;
    }
}
