using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A TcpClient-based client: connect with a timeout, write a request through the NetworkStream, read a fixed header
/// with ReadExactly and a body with a counted read loop.
/// </summary>
internal static class TcpClientShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.Noun()}{c.Pick("Feed", "Api", "Link", "Uplink")}Client{c.Suffix}";
        var ct = c.Names.TokenParameter();
        var headerSize = c.Pick(4, 8, 12, 16);

        w.Line("/// <summary>Talks to the upstream service over TCP.</summary>");
        w.Open($"public sealed class {name}");
        c.WriteLogMember();
        w.Line($"public const int HeaderSize = {headerSize};");
        w.Blank();
        w.Line("public required string Host { get; init; }");
        w.Blank();
        w.Line($"public int Port {{ get; init; }} = {c.Names.Port()};");
        w.Blank();
        w.Line($"public TimeSpan ConnectTimeout {{ get; init; }} = TimeSpan.FromSeconds({c.Next(1, 16)});");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task<string> FetchAsync(string query, CancellationToken {ct} = default)");
        w.Line("using var client = new TcpClient();");
        w.Line($"using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource({ct});");
        w.Line("connectTimeout.CancelAfter(ConnectTimeout);");
        w.Line("await client.ConnectAsync(Host, Port, connectTimeout.Token).ConfigureAwait(false);");
        w.Line(c.Chance(0.5) ? "await using var stream = client.GetStream();" : "var stream = client.GetStream();");
        w.Line("var request = Encoding.UTF8.GetBytes(query + \"\\n\");");
        w.Line($"await stream.WriteAsync(request, {ct}).ConfigureAwait(false);");
        w.Line("var header = new byte[HeaderSize];");
        w.Line($"await stream.ReadExactlyAsync(header, {ct}).ConfigureAwait(false);");
        w.Line("var bodyLength = BitConverter.ToInt32(header, 0);");
        w.Line("var body = new byte[bodyLength];");
        w.Line("var read = 0;");
        w.Open("while (read < bodyLength)");
        w.Line($"var count = await stream.ReadAsync(body.AsMemory(read), {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line("throw new EndOfStreamException($\"Expected {bodyLength} bytes, got {read}.\");");
        w.Close();
        w.Blank();
        w.Line("read += count;");
        w.Close();
        w.Blank();
        w.Line("return Encoding.UTF8.GetString(body);");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public IReadOnlyList<string> FetchLines(string query, int maxLines)");
        w.Line("using var client = new TcpClient(Host, Port);");
        w.Line("client.ReceiveTimeout = (int)ConnectTimeout.TotalMilliseconds;");
        w.Line("using var stream = client.GetStream();");
        w.Line("using var writer = new StreamWriter(stream, Encoding.ASCII, 512, leaveOpen: true);");
        w.Line("writer.WriteLine(query);");
        w.Line("writer.Flush();");
        w.Line("using var reader = new StreamReader(stream, Encoding.ASCII, false, 512, leaveOpen: true);");
        w.Line("var lines = new List<string>();");
        w.Open("while (lines.Count < maxLines && reader.ReadLine() is { } line)");
        w.Open("if (line.Length == 0)");
        w.Line("break;");
        w.Close();
        w.Blank();
        w.Line("lines.Add(line);");
        w.Close();
        w.Blank();
        w.Line("return lines;");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public bool IsReachable()");
        w.Open("try");
        w.Open("using (var probe = new TcpClient())");
        w.Line("probe.Connect(Host, Port);");
        w.Line("return probe.Connected;");
        w.Close();
        w.Close();
        w.Open("catch (SocketException ex)");
        w.Line(c.Log.Call("$\"{Host}:{Port} unreachable: {ex.SocketErrorCode}\""));
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Close();
        return name;
    }
}
