using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    public sealed partial class ReceiveLoopIgnoresEndOfStreamAnalyzerTests
    {
        public static TheoryData<string, string> SpinningLoops => new()
        {
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); sink.Write(buffer, 0, n); }", "Socket.Receive" },
            { "for (;;) { int n = stream.{|#0:Read|}(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); }", "NetworkStream.Read" },
            { "while (client.Connected) { var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); }", "NetworkStream.Read" },
            { "var total = 0; while (total < buffer.Length) { total += socket.{|#0:Receive|}(buffer, total, buffer.Length - total, SocketFlags.None); }", "Socket.Receive" },
            { "var total = 0; while (total < 10) { var n = socket.{|#0:Receive|}(buffer); total = total + n; }", "Socket.Receive" },
            { "do { stream.{|#0:Read|}(buffer, 0, buffer.Length); } while (!token.IsCancellationRequested);", "NetworkStream.Read" },
            { "while (true) { var n = await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None); sink.Write(buffer, 0, n); }", "Socket.ReceiveAsync" },
            { "while (true) { try { socket.{|#0:Receive|}(buffer); } catch (SocketException) { break; } }", "Socket.Receive" },
            { "while (running) { await stream.{|#0:ReadAsync|}(buffer, token); }", "NetworkStream.ReadAsync" },
            { "var total = 0; while (true) { var n = socket.{|#0:Receive|}(buffer); total += n * 2; if (total >= 100) break; }", "Socket.Receive" },
        };

        [Theory]
        [MemberData(nameof(SpinningLoops))]
        public async Task LoopThatNeverStopsOnZero_Reports(string loop, string member)
        {
            await Verify.VerifyAsync(Code(loop), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));
            await Verify.VerifyAsync(Code(loop), TestFramework.Net80, Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));
        }

        [Theory]
        [InlineData("int n; while ((n = socket.Receive(buffer)) > 0) { sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var n = stream.Read(buffer, 0, buffer.Length); if (n == 0) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n <= 0) return; }")]
        [InlineData("while (true) { if (socket.Receive(buffer) == 0) throw new EndOfStreamException(); }")]
        [InlineData("while (true) { switch (socket.Receive(buffer)) { case 0: return; } }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n is 0) break; }")]
        [InlineData("int n; do { n = stream.Read(buffer, 0, buffer.Length); } while (n > 0);")]
        [InlineData("for (var attempt = 0; attempt < 3; attempt++) { socket.Receive(buffer); }")]
        [InlineData("var attempts = 0; while (true) { socket.Receive(buffer); if (++attempts > 3) break; }")]
        [InlineData("while (true) { var header = socket.Receive(buffer); stream.ReadExactly(buffer, 0, 4); }")]
        [InlineData("while (Keep()) { socket.Receive(buffer); }")]
        [InlineData("while (true) { socket.Receive(buffer); return; }")]
        [InlineData("foreach (var x in buffer) { socket.Receive(buffer); }")]
        [InlineData("while (true) { sink.Write(buffer, 0, 4); }")]
        [InlineData("while (true) { socket.Receive(System.Array.Empty<byte>()); socket.Send(buffer); }")]
        [InlineData("EndPoint from = null; while (true) { socket.ReceiveFrom(buffer, ref from); }")]
        [InlineData("var dgram = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); while (true) { var n = dgram.Receive(buffer); sink.Write(buffer, 0, n); }")]
        [InlineData("var c = new UdpClient(0); var u = c.Client; while (true) { u.Receive(buffer); }")]
        [InlineData("IPEndPoint r = null; var c = new UdpClient(0); while (true) { var d = c.Receive(ref r); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); Func<bool> f = () => n == 0; if (f()) break; }")]
        [InlineData("var done = false; while (!done) { var n = socket.Receive(buffer); done = Parse(buffer, n); }")]
        [InlineData("do { var n = stream.Read(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); } while (stream.DataAvailable);")]
        [InlineData("while (socket.Available > 0) { var n = socket.Receive(buffer); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var n = stream.Read(buffer, 0, buffer.Length); if (client.Available == 0) break; }")]
        public async Task LoopThatHandlesZeroOrIsBounded_DoesNotReport(string loop) =>
            await Verify.VerifyAsync(Code(loop));

        private static string Code(string loop) => $$"""
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                private bool running = true;
                private string received = "";
                private readonly Socket datagrams = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                private Socket assignedDatagrams;

                C(UdpClient udp) => assignedDatagrams = udp.Client;

                bool Keep() => running;

                void Disconnect() => running = false;

                static bool Parse(byte[] buffer, int count) => count == 0;

                static void Broadcast(string text) => Console.WriteLine(text);

                static int ReadSome(Socket s, byte[] b) => s.Receive(b);

                static async Task<int> ReadSomeAsync(NetworkStream s, byte[] b) => await s.ReadAsync(b, 0, b.Length);

                static void Drain(NetworkStream s, byte[] b)
                {
                    var n = s.Read(b, 0, b.Length);
                    if (n == 0)
                    {
                        return;
                    }

                    Console.Write(n);
                }

                static void DrainSocket(Socket s, byte[] b) => Console.Write(s.Receive(b));

                static void DrainAvailable(Socket s, byte[] b)
                {
                    do
                    {
                        Console.Write(s.Receive(b));
                    }
                    while (s.Available > 0);
                }

                static string ReadMessage(Socket s, byte[] b)
                {
                    var message = string.Empty;
                    do
                    {
                        var n = s.Receive(b);
                        message += Encoding.UTF8.GetString(b, 0, n);
                    }
                    while (s.Available > 0);
                    return message;
                }

                static string ReadOrNull(Socket s, byte[] b)
                {
                    var n = s.Receive(b);
                    return n == 0 ? null : Encoding.ASCII.GetString(b, 0, n);
                }

                static void ReadOrThrow(NetworkStream s, byte[] b)
                {
                    if (s.Read(b, 0, b.Length) == 0)
                    {
                        throw new EndOfStreamException();
                    }
                }

                void ReadAndFlag(NetworkStream s, byte[] b)
                {
                    if (s.Read(b, 0, b.Length) == 0)
                    {
                        running = false;
                    }
                }

                async Task M(Socket socket, NetworkStream stream, TcpClient client, TcpListener listener, UdpClient udp, Stream sink, byte[] buffer, CancellationToken token)
                {
                    {{loop}}
                    await Task.Yield();
                }
            }
            """;
    }
}
