using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    public sealed partial class ReceiveResultIgnoredAnalyzerTests
    {
        public static TheoryData<string, string> IgnoredReceives => new()
        {
            { "socket.{|#0:Receive|}(buffer);", "Socket.Receive" },
            { "socket.{|#0:Receive|}(buffer, 0, 4, SocketFlags.None);", "Socket.Receive" },
            { "socket.{|#0:Receive|}(buffer, SocketFlags.None, out SocketError error);", "Socket.Receive" },
            { "_ = socket.{|#0:Receive|}(buffer);", "Socket.Receive" },
            { "await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None);", "Socket.ReceiveAsync" },
            { "await socket.{|#0:ReceiveAsync|}(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);", "Socket.ReceiveAsync" },
            { "socket.{|#0:ReceiveFrom|}(buffer, ref from);", "Socket.ReceiveFrom" },
            { "stream.{|#0:Read|}(buffer, 0, buffer.Length);", "NetworkStream.Read" },
            { "stream.{|#0:Read|}(buffer.AsSpan());", "NetworkStream.Read" },
            { "await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length);", "NetworkStream.ReadAsync" },
            { "Stream s = client.GetStream(); s.{|#0:Read|}(buffer, 0, 4);", "NetworkStream.Read" },
            { "socket.{|#0:Receive|}(Wide);", "Socket.Receive" },
            { "var b = new byte[socket.Available]; b = new byte[64]; socket.{|#0:Receive|}(b); Console.Write(b[0]);", "Socket.Receive" },
            { "socket.{|#0:Receive|}(buffer, 2, SocketFlags.None);", "Socket.Receive" },
            // A field buffer sized by Available long before (another method may have replaced it since).
            { "socket.{|#0:Receive|}(msg, msg.Length, SocketFlags.None); Console.Write(msg[1]);", "Socket.Receive" },
            { "msg = new byte[socket.Available]; Refill(); socket.{|#0:Receive|}(msg, msg.Length, SocketFlags.None); Console.Write(msg[1]);", "Socket.Receive" },
            // Reused across iterations, the buffer keeps the last message's bytes past the count: the trim cannot cut them.
            { "var reused = new byte[512]; while (true) { socket.{|#0:Receive|}(reused); Console.WriteLine(System.Text.Encoding.UTF8.GetString(reused).Trim('\\0')); }", "Socket.Receive" },
            // Decoded but not trimmed, or zeros turned into spaces: they reach the text.
            { "var fresh = new byte[512]; socket.{|#0:Receive|}(fresh); Console.WriteLine(System.Text.Encoding.UTF8.GetString(fresh).Replace('\\0', ' '));", "Socket.Receive" },
            { "var fresh = new byte[512]; socket.{|#0:Receive|}(fresh); Console.WriteLine(System.Text.Encoding.UTF8.GetString(fresh));", "Socket.Receive" },
        };

        [Theory]
        [MemberData(nameof(IgnoredReceives))]
        public async Task IgnoredCount_Reports(string statement, string member)
        {
            await Verify.VerifyAsync(Code(statement), Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));
            await Verify.VerifyAsync(Code(statement), TestFramework.Net80, Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));
        }

        [Theory]
        [InlineData("var n = socket.Receive(buffer); Console.Write(n);")]
        [InlineData("if (socket.Receive(buffer) == 0) return;")]
        [InlineData("var n = await stream.ReadAsync(buffer); Console.Write(n);")]
        [InlineData("stream.ReadExactly(buffer, 0, buffer.Length);")]
        [InlineData("stream.ReadAtLeast(buffer, 4);")]
        [InlineData("await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);")]
        [InlineData("socket.Receive(Array.Empty<byte>());")]
        [InlineData("socket.Receive(new byte[0]);")]
        [InlineData("udp.Receive(ref remote);")]
        [InlineData("memory.Read(buffer, 0, buffer.Length);")]
        [InlineData("Stream s = memory; s.Read(buffer, 0, 4);")]
        [InlineData("socket.Send(buffer);")]
        [InlineData("socket.Receive(buffer, 1, SocketFlags.None);")]
        [InlineData("socket.Receive(new byte[1]);")]
        [InlineData("socket.Receive(new byte[128]);")]
        [InlineData("var fresh = new byte[512]; socket.Receive(fresh); Console.WriteLine(System.Text.Encoding.Unicode.GetString(fresh).Trim('\\0'));")]
        [InlineData("var fresh = new byte[512]; if (socket.Receive(fresh) > 0) { Console.WriteLine(System.Text.Encoding.Unicode.GetString(fresh).TrimEnd('\\0')); }")]
        [InlineData("var fresh = new byte[512]; var got = socket.Receive(fresh); var text = System.Text.Encoding.UTF8.GetString(fresh); Console.WriteLine(text.Replace(\"\\0\", string.Empty));")]
        [InlineData("socket.ReceiveFrom(new byte[128], ref from);")]
        [InlineData("stream.Read(new byte[64], 0, 64);")]
        [InlineData("stream.Read(buffer, 0, 1);")]
        [InlineData("socket.Receive(Ack);")]
        [InlineData("var b = new byte[socket.Available]; socket.Receive(b);")]
        [InlineData("byte[] b = new byte[client.Available]; stream.Read(b, 0, b.Length);")]
        // A field sized by Available by the statement right before: the queued bytes fill it (measured: 2,000 of 2,000).
        [InlineData("msg = new byte[socket.Available]; socket.Receive(msg, msg.Length, SocketFlags.None); Console.Write(msg[1]);")]
        public async Task UsedCountOrNotANetworkReceive_DoesNotReport(string statement) =>
            await Verify.VerifyAsync(Code(statement));

        private static string Code(string statement) => $$"""
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class C
            {
                private static readonly byte[] Ack = new byte[] { 0 };
                private static readonly byte[] Wide = new byte[2];
                private byte[] msg = new byte[16];

                void Refill() => msg = new byte[64];

                async Task M(Socket socket, NetworkStream stream, TcpClient client, UdpClient udp, MemoryStream memory, byte[] buffer)
                {
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    IPEndPoint remote = null;
                    {{statement}}
                }
            }
            """;
    }
}
