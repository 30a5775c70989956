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
        [InlineData("while (true) { var line = Exposed.ReadLine(); Console.WriteLine(line); }")]
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

                R(TcpClient c, Stream any)
                {
                    fieldReader = new StreamReader(c.GetStream());
                    var s = c.GetStream();
                    assigned = new StreamReader(s);
                    mixed = new StreamReader(s);
                    Exposed = new StreamReader(s);
                }

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
