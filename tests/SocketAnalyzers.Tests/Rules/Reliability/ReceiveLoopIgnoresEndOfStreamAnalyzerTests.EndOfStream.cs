using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>Issue 13, item 2: the 0 (or ReadByte's -1) must leave the loop; helpers, polling loops, accept loops and UDP.</summary>
    public sealed partial class ReceiveLoopIgnoresEndOfStreamAnalyzerTests
    {
        public static TheoryData<string, string> ZeroThatStaysInTheLoop => new()
        {
            // The stream taken in the body from a socket of outside the loop is the same connection every iteration.
            { "while (true) { try { NetworkStream s = client.GetStream(); s.{|#0:Read|}(buffer, 0, buffer.Length); Console.WriteLine(Encoding.ASCII.GetString(buffer)); } catch (Exception e) { Console.WriteLine(e); } }", "NetworkStream.Read" },
            { "while (true) { var s = client.GetStream(); var n = s.{|#0:Read|}(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); }", "NetworkStream.Read" },
            // The 0 outcome of the comparison is the empty else: the loop goes round again.
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n > 0) sink.Write(buffer, 0, n); }", "Socket.Receive" },
            { "while (true) { var n = await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length, token); if (n is > 0) sink.Write(buffer, 0, n); }", "NetworkStream.ReadAsync" },
            { "int n; do { n = socket.{|#0:Receive|}(buffer); if (n != 0) sink.Write(buffer, 0, n); } while (client.Connected);", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n == 0) continue; sink.Write(buffer, 0, n); }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n == 0) { Console.WriteLine(\"closed\"); Thread.Sleep(10); } sink.Write(buffer, 0, n); }", "Socket.Receive" },
            { "while (true) { if (socket.{|#0:Receive|}(buffer) > 0) { sink.Write(buffer, 0, 4); } }", "Socket.Receive" },
            // A Send or Write after the receive is no exit: after a half-close the peer still reads (H4).
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n > 0) sink.Write(buffer, 0, n); socket.Send(buffer, 0, 1, SocketFlags.None); }", "Socket.Receive" },
            // A read with a target: left never reaches 0 once the reads return 0.
            { "int left = buffer.Length, offset = 0; while (left > 0) { var n = stream.{|#0:Read|}(buffer, offset, left); left -= n; offset += n; }", "NetworkStream.Read" },
            { "for (int offset = 0, n; offset < buffer.Length; offset += n) { n = socket.{|#0:Receive|}(buffer, offset, buffer.Length - offset, SocketFlags.None); }", "Socket.Receive" },
            // ReadByte returns -1 at the end of the stream: -1 is not a newline.
            { "int b; var line = new StringBuilder(); while ((b = stream.{|#0:ReadByte|}()) != '\\n') { line.Append((char)b); }", "NetworkStream.ReadByte" },
            { "while (true) { var b = stream.{|#0:ReadByte|}(); if (b == 0) break; sink.WriteByte((byte)b); }", "NetworkStream.ReadByte" },
            // Waiting for a non-empty read: 0 keeps the loop going, the opposite of an exit.
            { "var n = 0; while (n == 0) { n = stream.{|#0:Read|}(buffer, 0, buffer.Length); } sink.Write(buffer, 0, n);", "NetworkStream.Read" },
            { "int got; do { got = socket.{|#0:Receive|}(buffer); Thread.Sleep(2); } while (got <= 0); sink.Write(buffer, 0, got);", "Socket.Receive" },
            // The diagnostic sits on the first receive of the loop in the source.
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var m = socket.Receive(buffer); sink.Write(buffer, 0, n + m); }", "Socket.Receive" },
            // -1 treated as "sleep and retry": the later comparison and call are never reached at the end.
            { "while (true) { var c = stream.{|#0:ReadByte|}(); if (c == -1) { Thread.Sleep(1); continue; } if (c == '\\n') break; Keep(); }", "NetworkStream.ReadByte" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n == 0) continue; if (n < 4) return; Disconnect(); }", "Socket.Receive" },
            // A helper that returns text after a 0-byte read ("", null or stale), its text never compared, only written on.
            { "while (true) { var message = {|#0:ReadMessage|}(socket, buffer); Console.WriteLine($\"got {message}\"); var reply = $\"OK ({message})\"; socket.Send(Encoding.UTF8.GetBytes(reply)); }", "C.ReadMessage" },
            { "while (true) { Console.WriteLine({|#0:ReadOrNull|}(socket, buffer)); }", "C.ReadOrNull" },
            { "while (client.Connected) { var text = {|#0:ReadMessage|}(socket, buffer); var bytes = Encoding.ASCII.GetBytes(text + \"\\n\"); sink.Write(bytes, 0, bytes.Length); }", "C.ReadMessage" },
            // A helper whose receive loop ends once the data is drained (Available is 0 after the peer closes, D12) returns normally.
            { "while (true) { {|#0:DrainAvailable|}(socket, buffer); }", "C.DrainAvailable" },
            // Helpers of the compilation: one returns the count, one returns normally after a 0-byte read.
            { "while (true) { var n = {|#0:ReadSome|}(socket, buffer); sink.Write(buffer, 0, n); }", "C.ReadSome" },
            { "while (true) { var n = await {|#0:ReadSomeAsync|}(stream, buffer); if (n > 0) sink.Write(buffer, 0, n); }", "C.ReadSomeAsync" },
            { "while (true) { {|#0:Drain|}(stream, buffer); }", "C.Drain" },
            { "while (!token.IsCancellationRequested) { {|#0:DrainSocket|}(socket, buffer); }", "C.DrainSocket" },
            // An outer loop around a loop bounded by DataAvailable/Available polls forever once the peer has closed (D12).
            { "while (true) { while (stream.DataAvailable) { var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); } await Task.Delay(10); }", "NetworkStream.Read" },
            // Traps: an alias, a loop in a lambda, a helper that is a local function.
            { "var alias = socket; while (true) { var n = alias.{|#0:Receive|}(buffer); if (n > 0) sink.Write(buffer, 0, n); }", "Socket.Receive" },
            { "_ = Task.Run(() => { while (true) { var n = socket.{|#0:Receive|}(buffer); if (n != 0) sink.Write(buffer, 0, n); } });", "Socket.Receive" },
            { "while (true) { {|#0:Pump|}(); } void Pump() { var n = socket.Receive(buffer); Console.Write(n); }", "C.Pump" },
            { "while (client.Connected) { while (client.Available > 0) { var n = socket.{|#0:Receive|}(buffer); if (n == 0) return; sink.Write(buffer, 0, n); } Thread.Sleep(1); }", "Socket.Receive" },
        };

        [Theory]
        [MemberData(nameof(ZeroThatStaysInTheLoop))]
        public async Task ZeroOutcomeThatStaysInTheLoop_Reports(string loop, string member) =>
            await Verify.VerifyAsync(Code(loop), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Theory]
        // The 0 outcome reaches an exit: an else, the code after the if, a flag the loop reads, a close, unknown code.
        // The text of a helper that swallows the end is compared, handed to unknown code, or assigned to a variable of the loop's condition.
        [InlineData("while (true) { var message = ReadMessage(socket, buffer); if (message == \"\") break; }")]
        [InlineData("while (true) { var message = ReadOrNull(socket, buffer); if (message is null) return; Console.WriteLine(message); }")]
        [InlineData("while (true) { var message = ReadMessage(socket, buffer); Console.WriteLine(int.Parse(message)); }")]
        [InlineData("var message = \"\"; while (message != \"quit\") { message = ReadMessage(socket, buffer); }")]
        [InlineData("while (true) { var message = ReadOrNull(socket, buffer); var length = (message + \"!\").Length; if (length == 1) break; }")]
        // A datagram socket, a new connection each iteration.
        [InlineData("while (true) { Console.WriteLine(ReadMessage(datagrams, buffer)); }")]
        [InlineData("while (true) { using var accepted = listener.AcceptSocket(); Console.WriteLine(ReadMessage(accepted, buffer)); }")]
        // The earlier comparison does not always jump on 0, or the count is written again before the later one.
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n == 0) { if (Keep()) continue; } if (n == 0) return; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n == 0) continue; n = socket.Receive(buffer); if (n == 0) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n == 0 && Keep()) continue; if (n == 0) return; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n > 0) sink.Write(buffer, 0, n); else break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n > 0) { sink.Write(buffer, 0, n); continue; } break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n != 0) { sink.Write(buffer, 0, n); } else { return; } }")]
        [InlineData("while (running) { var n = socket.Receive(buffer); if (n == 0) running = false; else sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n == 0) socket.Close(); else sink.Write(buffer, 0, n); }")]
        [InlineData("while (running) { var n = socket.Receive(buffer); if (n == 0) Disconnect(); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n < 4) throw new IOException(); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n == 0 || token.IsCancellationRequested) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (!(n > 0)) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n is 0 or -1) break; }")]
        [InlineData("while (true) { try { var n = socket.Receive(buffer); if (n == 0) break; } finally { sink.Flush(); } }")]
        // Comparisons that cannot be evaluated are taken as handled.
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n < buffer.Length) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var closed = n == 0; if (closed) break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); if (n > 0 && Keep()) continue; break; }")]
        // ReadByte's -1 leaves the loop.
        [InlineData("while (true) { var b = stream.ReadByte(); if (b == -1) break; sink.WriteByte((byte)b); }")]
        [InlineData("int b; while ((b = stream.ReadByte()) >= 0) { sink.WriteByte((byte)b); }")]
        [InlineData("int b; while ((b = stream.ReadByte()) != -1 && b != '\\n') { sink.WriteByte((byte)b); }")]
        [InlineData("Stream s = memory(); while (true) { var b = s.ReadByte(); sink.WriteByte((byte)b); }")]
        // Helpers that signal the end of the stream, or whose count is compared.
        [InlineData("while (true) { ReadOrThrow(stream, buffer); }")]
        [InlineData("while (running) { ReadAndFlag(stream, buffer); }")]
        [InlineData("while (true) { var n = ReadSome(socket, buffer); if (n == 0) break; }")]
        [InlineData("while (true) { DrainSocket(udp.Client, buffer); }")]
        // Accept loops: each iteration reads a new connection.
        [InlineData("while (true) { var c = listener.AcceptTcpClient(); var s = c.GetStream(); var n = s.Read(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { using var accepted = await socket.AcceptAsync(); var n = accepted.Receive(buffer); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var c = Accept(listener); Drain(c.GetStream(), buffer); }")]
        [InlineData("while (true) { var c = listener.AcceptTcpClient(); var s = c.GetStream(); s.Read(buffer, 0, buffer.Length); }")]
        [InlineData("while (true) { var s = listener.AcceptTcpClient().GetStream(); var n = s.Read(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { using var fresh = new TcpClient(); await fresh.ConnectAsync(\"localhost\", 80); Drain(fresh.GetStream(), buffer); }")]
        // UDP, whatever the socket came from.
        [InlineData("while (true) { var n = datagrams.Receive(buffer); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var n = assignedDatagrams.Receive(buffer); sink.Write(buffer, 0, n); }")]
        [InlineData("while (true) { var n = udp.Client.Receive(buffer); if (n > 0) sink.Write(buffer, 0, n); }")]
        // A polling loop with an exit of its own (Poll's result is unknown).
        [InlineData("while (true) { while (stream.DataAvailable) { var n = stream.Read(buffer, 0, buffer.Length); sink.Write(buffer, 0, n); } if (socket.Poll(1000, SelectMode.SelectRead) && socket.Available == 0) break; }")]
        // Receives in a lambda or local function the loop only creates, or helpers that throw.
        [InlineData("while (true) { Action a = () => socket.Receive(buffer); if (Keep()) break; }")]
        [InlineData("while (true) { Pump(); } void Pump() { if (socket.Receive(buffer) == 0) throw new EndOfStreamException(); }")]
        [InlineData("while (true) { while (datagrams.Available > 0) { var n = datagrams.Receive(buffer); sink.Write(buffer, 0, n); } Thread.Sleep(1); }")]
        public async Task ZeroOutcomeThatLeavesOrIsNoEnd_DoesNotReport(string loop) =>
            await Verify.VerifyAsync(Code(loop).Replace("bool Keep()", "static TcpClient Accept(TcpListener l) => l.AcceptTcpClient();\n    static Stream memory() => new MemoryStream();\n    bool Keep()"));

        [Theory]
        [InlineData("")]
        [InlineData("Action<Socket, byte[], Stream> later = Pump;", "later")]
        [InlineData("Pump(tcp, b, sink);", "tcp")]
        public async Task ParameterOfAPrivateMethod_IsADatagramWhenEveryCallerPassesOne(string extra, string? breaksItWith = null)
        {
            // A parameter of known kind: every call of the private method passes a datagram socket (D18), unless a
            // method group or a stream socket lets anything in.
            var source = $$"""
                using System;
                using System.IO;
                using System.Net.Sockets;

                class D
                {
                    private static void Pump(Socket s, byte[] b, Stream sink)
                    {
                        while (true)
                        {
                            var n = s.{|#0:Receive|}(b);
                            sink.Write(b, 0, n);
                        }
                    }

                    void Start(UdpClient udp, Socket tcp, byte[] b, Stream sink)
                    {
                        Pump(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), b, sink);
                        Pump(udp.Client, b, sink);
                        {{extra}}
                    }
                }
                """;
            if (breaksItWith is null)
            {
                await Verify.VerifyAsync(source.Replace("{|#0:Receive|}", "Receive"));
            }
            else
            {
                await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments("Socket.Receive"));
            }
        }
    }
}
