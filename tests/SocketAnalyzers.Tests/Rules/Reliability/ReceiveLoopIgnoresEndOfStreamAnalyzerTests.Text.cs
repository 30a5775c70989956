using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>Issue 13: text decoded from a count is "" at the end of the stream; its comparisons are evaluated with "".</summary>
    public sealed partial class ReceiveLoopIgnoresEndOfStreamAnalyzerTests
    {
        public static TheoryData<string, string> TextThatStaysInTheLoop => new()
        {
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s == \"bye\") break; Console.Write(s); }", "Socket.Receive" },
            { "var text = \"\"; while (text == \"\") { var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); text = Encoding.UTF8.GetString(buffer, 0, n); }", "NetworkStream.Read" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); if (s != \"\") Console.Write(s); }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); if (s.Length > 0) Console.Write(s); }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); if (string.IsNullOrWhiteSpace(s)) continue; Console.Write(s); }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n).Trim(); if (s.Equals(\"quit\")) return; Console.Write(s); }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); var cmd = s.ToUpperInvariant(); if (cmd.StartsWith(\"QUIT\")) break; }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); if (s.Contains(\"EXIT\")) break; Console.Write(s); }", "Socket.Receive" },
            { "var chars = new char[64]; var decoder = Encoding.UTF8.GetDecoder(); while (true) { var n = socket.{|#0:Receive|}(buffer); var c = decoder.GetChars(buffer, 0, n, chars, 0); var s = new string(chars, 0, c); if (s is \"bye\") break; }", "Socket.Receive" },
            { "for (;;) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n).TrimEnd('\\r', '\\n'); if (s == \"QUIT\") return; Console.WriteLine(s); }", "Socket.Receive" },
            { "string s; do { var n = socket.{|#0:Receive|}(buffer); s = Encoding.ASCII.GetString(buffer, 0, n); } while (s != \"END\");", "Socket.Receive" },
            // string.Empty is "": waiting for a non-empty read, the 0 keeps the loop going.
            { "var text = string.Empty; while (text == string.Empty) { var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); text = Encoding.UTF8.GetString(buffer, 0, n); }", "NetworkStream.Read" },
            { "while (client.Connected) { var n = await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length); var s = Encoding.UTF8.GetString(buffer, 0, n); if (s != String.Empty) { Console.Write(s); } }", "NetworkStream.ReadAsync" },
            // Uses of the text the end never reaches, or that take "" in their stride.
            { "while (client.Connected) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); if (s != String.Empty) { Console.WriteLine(int.Parse(s)); } }", "Socket.Receive" },
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); var reply = $\"OK {s}\"; socket.Send(Encoding.UTF8.GetBytes(reply)); }", "Socket.Receive" },
            // Text handed to code of the compilation or a delegate is not assumed to make it throw (as for counts).
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); Broadcast(DateTime.Now + \" - \" + s); }", "Socket.Receive" },
            { "Action<string> show = Console.WriteLine; while (true) { var n = socket.{|#0:Receive|}(buffer); var s = Encoding.UTF8.GetString(buffer, 0, n); show?.Invoke(s); }", "Socket.Receive" },
            // Accumulated text: the end appends "", so a test that did not leave on the last iteration does not leave now.
            { "var all = \"\"; while (true) { var n = socket.{|#0:Receive|}(buffer); all += Encoding.ASCII.GetString(buffer, 0, n); if (all.EndsWith(\"\\n\")) break; }", "Socket.Receive" },
            { "string data = null; while (true) { int got = socket.{|#0:Receive|}(buffer); data += Encoding.ASCII.GetString(buffer, 0, got); if (data.IndexOf(\"<EOF>\") > -1) { break; } }", "Socket.Receive" },
            { "var data = \"\"; while (!data.Contains(\"\\r\\n\\r\\n\")) { var n = await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length); data += Encoding.UTF8.GetString(buffer, 0, n); }", "NetworkStream.ReadAsync" },
            { "while (true) { int got = socket.{|#0:Receive|}(buffer); received += Encoding.ASCII.GetString(buffer, 0, got); if (received.EndsWith(\"\\n\")) break; }", "Socket.Receive" },
            // A use under a comparison of the count the end does not take.
            { "while (true) { var n = await stream.{|#0:ReadAsync|}(buffer, 0, buffer.Length); if (n > 0) { var s = Encoding.UTF8.GetString(buffer, 0, n); var parts = s.Split(' '); Console.WriteLine(int.Parse(parts[0])); } }", "NetworkStream.ReadAsync" },
        };

        [Theory]
        [MemberData(nameof(TextThatStaysInTheLoop))]
        public async Task DecodedTextWhoseEmptyOutcomeStaysInTheLoop_Reports(string loop, string member) =>
            await Verify.VerifyAsync(Code(loop), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Theory]
        // The "" outcome reaches an exit.
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s.Length == 0) break; Console.Write(s); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s == \"\") break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (string.IsNullOrEmpty(s)) return; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (!s.Contains(\"\")) continue; break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s == String.Empty) break; Console.Write(s); }")]
        [InlineData("var text = \"x\"; while (text != string.Empty) { var n = stream.Read(buffer, 0, buffer.Length); text = Encoding.UTF8.GetString(buffer, 0, n); }")]
        [InlineData("var text = \"x\"; while (text != \"\") { var n = stream.Read(buffer, 0, buffer.Length); text = Encoding.UTF8.GetString(buffer, 0, n); }")]
        // Not "" on every end-of-stream iteration, or not evaluated: accumulated, reset, compared with a variable, a derived sum.
        [InlineData("var all = \"\"; while (true) { var n = socket.Receive(buffer); if (all.EndsWith(\"\\n\")) break; all += Encoding.ASCII.GetString(buffer, 0, n); }")]
        [InlineData("while (true) { int got = socket.Receive(buffer); received += Encoding.ASCII.GetString(buffer, 0, got); Broadcast(\"x\"); if (received.EndsWith(\"\\n\")) break; }")]
        [InlineData("var all = \"\"; while (true) { var n = socket.Receive(buffer); all += Encoding.ASCII.GetString(buffer, 0, n); if (n > 0) { if (all.EndsWith(\"\\n\")) break; } }")]
        [InlineData("var all = \"\"; while (true) { var n = socket.Receive(buffer); all += Encoding.ASCII.GetString(buffer, 0, n); if (all.Length > 80) all = all.Substring(40); if (all.EndsWith(\"\\n\")) break; }")]
        [InlineData("var all = \"\"; while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (Keep()) s = \"bye\"; if (s == \"bye\") break; }")]
        [InlineData("var stop = \"bye\"; while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s == stop) break; }")]
        [InlineData("var total = 0; while (true) { var n = socket.Receive(buffer); total += n; var s = Encoding.ASCII.GetString(buffer, 0, total); if (s == \"bye\") break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n) + \"!\"; if (s == \"!\") break; }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s.StartsWith(\"\\u00AD\")) continue; break; }")]
        // Other string functions of the text, or of a collection the loop fills, are unknown.
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); if (s.IndexOf(\"bye\") < 0) break; }")]
        [InlineData("var seen = new System.Collections.Generic.List<string>(); while (true) { var n = socket.Receive(buffer); seen.Add(Encoding.ASCII.GetString(buffer, 0, n)); if (string.Join(\",\", seen).Length > 100) break; }")]
        // "" handed to code that may throw on it ("".Substring(0, -1), int.Parse(""), Split()[1]): the exception may end the loop.
        [InlineData("while (true) { var n = stream.Read(buffer, 0, buffer.Length); var msg = Encoding.Unicode.GetString(buffer, 0, n); msg = msg.Substring(0, msg.IndexOf(\"$\")); Console.WriteLine(msg); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); Console.WriteLine(s.Split(' ')[1]); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); Console.WriteLine(int.Parse(s)); }")]
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); var t = \"x\" + s; Console.WriteLine(int.Parse(t)); }")]
        // The user paces the loop: it waits for console input on each iteration.
        [InlineData("while (true) { var line = Console.ReadLine(); socket.Send(Encoding.UTF8.GetBytes(line)); var n = socket.Receive(buffer); Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, n)); }")]
        // An alias of the text is not followed.
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); var t = s; if (t == \"bye\") break; }")]
        // Text tested in a lambda is not followed.
        [InlineData("while (true) { var n = socket.Receive(buffer); var s = Encoding.ASCII.GetString(buffer, 0, n); Func<bool> f = () => s == \"\"; if (f()) break; }")]
        public async Task DecodedTextThatLeavesOrIsUnknown_DoesNotReport(string loop) =>
            await Verify.VerifyAsync(Code(loop));
    }
}
