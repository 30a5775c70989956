using System.Threading.Tasks;
using Sock401 = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;
using Sock402 = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// Issue 13: a text reader over a network stream receives. ReadLine returns null at the end of the stream, Read()
    /// returns -1 and Read(char[]…) a char count of 0; a reader over a stream of unknown origin is not followed.
    /// </summary>
    public sealed class NetworkReaderTests
    {
        public static TheoryData<string, string> LoopsThatSpinOnTheEnd => new()
        {
            { "while (true) { var line = reader.{|#0:ReadLine|}(); Console.WriteLine(line); }", "StreamReader.ReadLine" },
            { "while (client.Connected) { var line = await reader.{|#0:ReadLineAsync|}(); Console.WriteLine($\"got {line}\"); }", "StreamReader.ReadLineAsync" },
            { "while (true) { var line = text.{|#0:ReadLine|}(); if (string.IsNullOrEmpty(line)) continue; Console.WriteLine(line); }", "TextReader.ReadLine" },
            { "while (true) { var line = secure.{|#0:ReadLine|}(); if (line == \"quit\") break; sb.AppendLine(line); }", "StreamReader.ReadLine" },
            { "while (true) { string line = fieldReader.{|#0:ReadLine|}(); if (line == \"\") continue; Console.WriteLine(line); }", "StreamReader.ReadLine" },
            { "while (true) { Console.WriteLine(assigned.{|#0:ReadLine|}()); }", "TextReader.ReadLine" },
            { "using (var r = new StreamReader(client.GetStream())) { while (true) { var line = r.{|#0:ReadLine|}(); if (line is \"\") continue; sb.Append(line); } }", "StreamReader.ReadLine" },
            { "var chars = new char[256]; while (true) { var n = reader.{|#0:Read|}(chars, 0, chars.Length); Console.Write(new string(chars, 0, n)); }", "StreamReader.Read" },
            { "while (true) { var c = reader.{|#0:Read|}(); if (c == '\\n') break; sb.Append((char)c); }", "StreamReader.Read" },
            // A public field: whatever reader others store, its ReadLine returns null at its end again and again.
            { "while (true) { var line = Exposed.{|#0:ReadLine|}(); Console.WriteLine(line); }", "StreamReader.ReadLine" },
            // A field also set to null: a call on null throws, it never reaches a receive.
            { "while (true) { Console.WriteLine(nullable.{|#0:ReadLine|}()); }", "StreamReader.ReadLine" },
            // Uses a null line never reaches: a branch the null test sends it away from, the right side of &&.
            { "while (true) { var line = reader.{|#0:ReadLine|}(); if (line != null) Console.WriteLine(line.Trim()); }", "StreamReader.ReadLine" },
            { "while (true) { var line = reader.{|#0:ReadLine|}(); if (line == null) { Console.WriteLine(); } else { sb.Append(int.Parse(line)); } }", "StreamReader.ReadLine" },
            { "while (true) { var line = reader.{|#0:ReadLine|}(); if (line != null && line.Length > 0) sb.Append(line.Trim()); }", "StreamReader.ReadLine" },
            { "while (true) { var line = reader.{|#0:ReadLine|}(); if (line is null || line.Length == 0) continue; sb.Append(line.ToUpper()); }", "StreamReader.ReadLine" },
            // A comparison the end never reaches (an earlier one sent null to continue) does not handle it.
            { "while (true) { var line = reader.{|#0:ReadLine|}(); if (string.IsNullOrEmpty(line)) continue; if (line == \"quit\") break; Drop(); }", "StreamReader.ReadLine" },
            // Text made from a line is never null: concatenated, interpolated, kept in a local, encoded, written.
            { "while (true) { var line = reader.{|#0:ReadLine|}(); var echo = $\"> {line}\"; Console.WriteLine(echo); }", "StreamReader.ReadLine" },
            { "while (true) { var line = reader.{|#0:ReadLine|}(); var bytes = Encoding.UTF8.GetBytes(line + \"\\r\\n\"); sb.Append(bytes.Length); }", "StreamReader.ReadLine" },
            { "while (client.Connected) { var line = await reader.{|#0:ReadLineAsync|}(); await Console.Out.WriteLineAsync(\"got \" + line); }", "StreamReader.ReadLineAsync" },
        };

        [Theory]
        [MemberData(nameof(LoopsThatSpinOnTheEnd))]
        public async Task ReaderLoopThatNeverLeavesOnTheEnd_Reports(string loop, string member) =>
            await Sock402.VerifyAsync(Code(loop), Sock402.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Theory]
        [InlineData("string line; while ((line = reader.ReadLine()) != null) { Console.WriteLine(line); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); if (line == null) break; Console.WriteLine(line); }")]
        [InlineData("while (true) { var line = await reader.ReadLineAsync(); if (line is null) return; }")]
        [InlineData("while (true) { var line = reader.ReadLine(); if (string.IsNullOrEmpty(line)) break; sb.Append(line); }")]
        [InlineData("var chars = new char[256]; int n; while ((n = reader.Read(chars, 0, chars.Length)) > 0) { sb.Append(chars, 0, n); }")]
        [InlineData("int c; while ((c = reader.Read()) != -1) { sb.Append((char)c); }")]
        // null is dereferenced or handed on (a NullReferenceException or ArgumentNullException ends the loop).
        [InlineData("while (true) { var line = reader.ReadLine(); Console.WriteLine(line.Trim()); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); Console.WriteLine(line.Length); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); Console.WriteLine(int.Parse(line)); }")]
        [InlineData("while (true) { Console.WriteLine(reader.ReadLine().ToUpper()); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); if (line.StartsWith(\"x\")) continue; }")]
        // A reader of unknown origin, a field others may set, ReadToEnd.
        [InlineData("while (true) { var line = other.ReadLine(); Console.WriteLine(line); }")]
        // A use null may reach: the test does not send null away, or the line is written again between test and use.
        [InlineData("while (true) { var line = reader.ReadLine(); if (line != \"x\") Console.WriteLine(line.Trim()); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); if (line != null) { line = Next(); Console.WriteLine(line.Trim()); } }")]
        [InlineData("while (true) { var line = reader.ReadLine(); if (line != null || Next() == null) Console.WriteLine(line.Trim()); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); Func<string> f = () => line != null ? line.Trim() : \"\"; Console.WriteLine(f()); }")]
        // The guard's result is written after the use (the previous iteration's value) or only in a branch.
        [InlineData("var n = 1; while (true) { var line = reader.ReadLine(); if (n > 0) Console.WriteLine(line.Trim()); n = reader.Read(); }")]
        [InlineData("var n = 1; while (true) { var line = reader.ReadLine(); if (Next() == null) n = reader.Read(); if (n > 0) Console.WriteLine(line.Trim()); }")]
        // Text made from a line that is compared or handed to unknown code is not followed.
        [InlineData("while (true) { var line = reader.ReadLine(); var cmd = \"x\" + line; if (cmd == \"x\") break; }")]
        [InlineData("while (true) { var line = reader.ReadLine(); var n = int.Parse(\"0\" + line); sb.Append(n); }")]
        [InlineData("while (true) { var line = reader.ReadLine(); var echo = $\"> {line}\"; if (echo.EndsWith(\"> \")) return; }")]
        // The raw line handed to an encoder throws on null (ArgumentNullException), which ends the loop.
        [InlineData("while (true) { var line = reader.ReadLine(); sb.Append(Encoding.UTF8.GetBytes(line).Length); }")]
        [InlineData("while (true) { var line = mixed.ReadLine(); Console.WriteLine(line); }")]
        [InlineData("while (true) { var all = reader.ReadToEnd(); Console.WriteLine(all); }")]
        public async Task ReaderLoopThatLeavesOrIsUnknown_DoesNotReport(string loop) =>
            await Sock402.VerifyAsync(Code(loop));

        [Theory]
        [InlineData("var chars = new char[256]; reader.{|#0:Read|}(chars, 0, chars.Length); Console.WriteLine(new string(chars));", "StreamReader.Read")]
        [InlineData("var chars = new char[256]; await text.{|#0:ReadAsync|}(chars.AsMemory()); Console.WriteLine(new string(chars));", "TextReader.ReadAsync")]
        [InlineData("var chars = new char[256]; await fieldReader.{|#0:ReadAsync|}(chars, 0, chars.Length); sb.Append(chars);", "StreamReader.ReadAsync")]
        public async Task CharCountIgnored_Reports(string statements, string member) =>
            await Sock401.VerifyAsync(Code(statements), Sock401.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));

        [Theory]
        [InlineData("var chars = new char[256]; var n = reader.Read(chars, 0, chars.Length); Console.WriteLine(new string(chars, 0, n));")]
        [InlineData("var chars = new char[256]; other.Read(chars, 0, chars.Length); Console.WriteLine(new string(chars));")]
        public async Task CharCountBoundsOrUnknownReader_DoesNotReport(string statements) =>
            await Sock401.VerifyAsync(Code(statements));

        private static string Code(string body) => $$"""
            using System;
            using System.IO;
            using System.Net.Security;
            using System.Net.Sockets;
            using System.Text;
            using System.Threading.Tasks;

            class R
            {
                private readonly StreamReader fieldReader;
                private TextReader assigned;
                private TextReader mixed;
                public StreamReader Exposed;
                private StreamReader nullable = null;

                R(TcpClient c, Stream any)
                {
                    fieldReader = new StreamReader(c.GetStream());
                    var s = c.GetStream();
                    assigned = new StreamReader(s);
                    mixed = new StreamReader(s);
                    Exposed = new StreamReader(s);
                    nullable = new StreamReader(c.GetStream());
                }

                void Drop() => nullable = default;

                static string Next() => null;

                void Reset(Stream any) => mixed = new StreamReader(any);

                async Task M(TcpClient client, Socket socket, Stream unknown, StringBuilder sb)
                {
                    var stream = client.GetStream();
                    var reader = new StreamReader(stream);
                    TextReader text = new StreamReader(new NetworkStream(socket));
                    var ssl = new SslStream(client.GetStream());
                    var secure = new StreamReader(ssl);
                    var other = new StreamReader(unknown);
                    {{body}}
                    await Task.Yield();
                }
            }
            """;
    }
}
