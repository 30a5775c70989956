using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>Issue 13, item 1: the count must bound the use of the buffer; helpers of the compilation that return a count.</summary>
    public sealed partial class ReceiveResultIgnoredAnalyzerTests
    {
        public static TheoryData<string, string> UnboundedUses => new()
        {
            // Stored in a local that is never read.
            { "int got = socket.{|#0:Receive|}(buffer); Show(Encoding.ASCII.GetString(buffer));", "Socket.Receive" },
            { "int got; got = stream.{|#0:Read|}(buffer, 0, buffer.Length); Show(Encoding.UTF8.GetString(buffer));", "NetworkStream.Read" },
            // Only compared with 0, then parsed at fixed offsets past the first byte: 1..5 bytes of a 6-byte header are legal.
            { "var header = new byte[6]; int n = await stream.{|#0:ReadAsync|}(header, 0, 6, token); if (n == 0) return; int length = (header[4] << 8) | header[5]; Show(length.ToString());", "NetworkStream.ReadAsync" },
            { "if (socket.{|#0:Receive|}(buffer) <= 0) return; Show(BitConverter.ToInt32(buffer, 0).ToString());", "Socket.Receive" },
            // Compared with a constant, then used past what it guarantees.
            { "var n = socket.{|#0:Receive|}(buffer, 0, 6, SocketFlags.None); if (n < 2) return; Show(((buffer[4] << 8) | buffer[5]).ToString());", "Socket.Receive" },
            { "var n = stream.{|#0:Read|}(buffer, 0, 8); if (n < 4) return; Show(BitConverter.ToInt64(buffer, 0).ToString());", "NetworkStream.Read" },
            { "if (socket.{|#0:Receive|}(buffer, 0, 8, SocketFlags.None) < 2) return; OnData(buffer, 0, 8);", "Socket.Receive" },
            { "var n = socket.{|#0:Receive|}(buffer); if (n == 0) return; Show(BinaryPrimitives.ReadInt32BigEndian(buffer).ToString());", "Socket.Receive" },
            // Only > 0, then decoded whole.
            { "var n = socket.{|#0:Receive|}(buffer); if (n > 0) Show(Encoding.ASCII.GetString(buffer));", "Socket.Receive" },
            { "if (await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None) is not 0) { using var reader = new BinaryReader(new MemoryStream(buffer)); Show(reader.ReadString()); }", "Socket.ReceiveAsync" },
            // Handed on with the size that was asked for.
            { "var n = socket.{|#0:Receive|}(buffer, 0, size, SocketFlags.None); if (n == 0) return; OnData(buffer, 0, size);", "Socket.Receive" },
            { "int n; if ((n = stream.{|#0:Read|}(buffer, 0, buffer.Length)) > 0) sink.Write(buffer, 0, buffer.Length);", "NetworkStream.Read" },
            // A check only inside a [Conditional] call is compiled out of Release builds.
            { "var n = socket.{|#0:Receive|}(buffer); Debug.Assert(n == buffer.Length); Show(Encoding.ASCII.GetString(buffer));", "Socket.Receive" },
            { "var n = stream.{|#0:Read|}(buffer, 0, 4); Debug.Assert(n == 4); if (n == 0) return; Show(BitConverter.ToInt32(buffer, 0).ToString());", "NetworkStream.Read" },
            // Traps: a lambda, a local function, a try/finally.
            { "Func<Task> f = async () => { var n = await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None); if (n == 0) return; Show(Encoding.ASCII.GetString(buffer)); }; await f();", "Socket.ReceiveAsync" },
            { "Local(); void Local() { var n = stream.{|#0:Read|}(buffer, 0, 8); if (n > 0) Show(BitConverter.ToInt64(buffer, 0).ToString()); }", "NetworkStream.Read" },
            { "try { if (socket.{|#0:Receive|}(buffer, 0, 4, SocketFlags.None) == 0) return; } finally { Show(\"done\"); } Show(BitConverter.ToInt32(buffer, 0).ToString());", "Socket.Receive" },
            // Helpers of the compilation that return a received count are receives.
            { "_ = {|#0:ReadSome|}(socket, buffer);", "C.ReadSome" },
            { "{|#0:ReadSome|}(socket, buffer);", "C.ReadSome" },
            { "await {|#0:ReadSomeAsync|}(stream, buffer);", "C.ReadSomeAsync" },
            { "{|#0:ReadAll|}(socket, buffer);", "C.ReadAll" },
            { "_ = this.{|#0:ReadVia|}(socket, buffer);", "C.ReadVia" },
            { "var got = {|#0:ReadSome|}(socket, buffer); Show(Encoding.ASCII.GetString(buffer));", "C.ReadSome" },
        };

        [Theory]
        [MemberData(nameof(UnboundedUses))]
        public async Task CountThatDoesNotBoundTheUse_Reports(string statements, string member) =>
            await Verify.VerifyAsync(BoundsCode(statements), Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));

        [Theory]
        // The count bounds the use.
        [InlineData("var n = socket.Receive(buffer); Show(Encoding.ASCII.GetString(buffer, 0, n));")]
        [InlineData("var n = socket.Receive(buffer); if (n < 4) return; Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        [InlineData("var n = socket.Receive(buffer); if (n >= 4) Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        [InlineData("var n = socket.Receive(buffer); if (n != buffer.Length) return; Show(Encoding.ASCII.GetString(buffer));")]
        [InlineData("var n = socket.Receive(buffer); Debug.Assert(n > 0); OnData(buffer, 0, n);")]
        [InlineData("var n = stream.Read(buffer, 0, size); if (n == 0) return; OnData(buffer, 0, n);")]
        [InlineData("var n = socket.Receive(buffer, 0, 6, SocketFlags.None); if (n < 6) return; Show(((buffer[4] << 8) | buffer[5]).ToString());")]
        [InlineData("var n = stream.Read(buffer, 0, 8); if (n < 4) return; Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        [InlineData("var n = socket.Receive(buffer); if (n < 2) return; OnData(buffer, 0, buffer.Length);")]
        [InlineData("int n; while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) sink.Write(buffer, 0, n);")]
        // Only the first byte is read after "something arrived", or nothing of the buffer at all.
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Show(buffer[0].ToString());")]
        [InlineData("var n = socket.Receive(buffer); if (n > 0) Show(\"something arrived\");")]
        [InlineData("var wake = new byte[16]; var n = socket.Receive(wake);")]
        [InlineData("var junk = new byte[64]; socket.Receive(junk);")]
        [InlineData("var junk = new byte[64]; while (socket.Receive(junk) > 0) { }")]
        // The buffer is cleared or read into again before it is used.
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Array.Clear(buffer, 0, buffer.Length);")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; stream.ReadExactly(buffer, 0, buffer.Length); Show(Encoding.ASCII.GetString(buffer));")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; buffer = new byte[4]; Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        // Uses before the receive are not after it.
        [InlineData("Show(Encoding.ASCII.GetString(buffer)); var n = socket.Receive(buffer); if (n == 0) return;")]
        [InlineData("Func<int> f = () => socket.Receive(buffer); var n = f(); Show(Encoding.ASCII.GetString(buffer, 0, n));")]
        [InlineData("var n = socket.Receive(buffer, 0, 4, SocketFlags.None); if (n == 0) return; Fill(socket, buffer); Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Buffer.BlockCopy(new byte[8], 0, buffer, 0, 8); Show(BitConverter.ToInt64(buffer, 0).ToString());")]
        // One byte, ReadExactly/ReadAtLeast.
        [InlineData("var n = socket.Receive(buffer, 0, 1, SocketFlags.None); if (n == 0) return; OnData(buffer, 0, 1);")]
        [InlineData("var n = stream.ReadAtLeast(buffer, 4); if (n == 0) return; Show(BitConverter.ToInt32(buffer, 0).ToString());")]
        // Helpers whose count is used, and methods that are not receives.
        [InlineData("var n = ReadSome(socket, buffer); OnData(buffer, 0, n);")]
        [InlineData("if (ReadSome(socket, buffer) == 0) return;")]
        [InlineData("_ = Parse(buffer, 4);")]
        [InlineData("_ = ReadIfReady(socket, buffer);")]
        [InlineData("_ = ReadExact(stream, buffer);")]
        [InlineData("_ = Recurse(socket, buffer);")]
        public async Task CountThatBoundsTheUseOrNoUse_DoesNotReport(string statements) =>
            await Verify.VerifyAsync(BoundsCode(statements));

        private static string BoundsCode(string statements) => $$"""
            using System;
            using System.Buffers.Binary;
            using System.Diagnostics;
            using System.IO;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                static void Show(string text) => Console.WriteLine(text);

                static void OnData(byte[] data, int offset, int count) => Console.WriteLine(count);

                static int Parse(byte[] data, int count) => count;

                static void Fill(Socket s, byte[] b)
                {
                    for (var got = 1; got < b.Length;)
                    {
                        var r = s.Receive(b, got, b.Length - got, SocketFlags.None);
                        if (r == 0)
                        {
                            throw new EndOfStreamException();
                        }

                        got += r;
                    }
                }

                static int ReadSome(Socket s, byte[] b) => s.Receive(b);

                static async Task<int> ReadSomeAsync(NetworkStream s, byte[] b) => await s.ReadAsync(b, 0, b.Length).ConfigureAwait(false);

                int ReadVia(Socket s, byte[] b) => ReadSome(s, b);

                static int ReadAll(Socket s, byte[] b)
                {
                    var total = 0;
                    int n;
                    while ((n = s.Receive(b, total, b.Length - total, SocketFlags.None)) > 0)
                    {
                        total += n;
                    }

                    return total;
                }

                static int ReadIfReady(Socket s, byte[] b) => s.Available > 0 ? s.Receive(b) : 0;

                static int ReadExact(NetworkStream s, byte[] b)
                {
                    s.ReadExactly(b, 0, b.Length);
                    return b.Length;
                }

                static int Recurse(Socket s, byte[] b) => Recurse(s, b);

                async Task M(Socket socket, NetworkStream stream, Stream sink, byte[] buffer, int size, CancellationToken token)
                {
                    {{statements}}
                }
            }
            """;
    }
}
