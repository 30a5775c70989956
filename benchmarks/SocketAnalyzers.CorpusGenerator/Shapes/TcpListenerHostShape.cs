using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A TcpListener host serving a line protocol through NetworkStream, StreamReader and StreamWriter: an async accept
/// loop with per-client tasks, tracked so shutdown can wait for them. Cancellation ends the accept loop by its
/// exception; the finally stops the listener and waits for the clients.
/// </summary>
internal static class TcpListenerHostShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Host{c.Suffix}";
        var ct = c.Names.TokenParameter();
        var port = c.Names.Port();

        w.Line("/// <summary>Hosts a line-based text protocol over TCP.</summary>");
        w.Open($"public sealed class {name}");
        c.WriteLogMember();
        w.Line("private readonly ConcurrentDictionary<int, Task> _clients = new();");
        w.Line("private int _nextClientId;");
        w.Blank();
        w.Line($"public int Port {{ get; init; }} = {port};");
        w.Blank();
        w.Line("public IPAddress Address { get; init; } = IPAddress." + c.Pick("Loopback", "Any", "IPv6Any", "IPv6Loopback") + ";");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task RunAsync(CancellationToken {ct})");
        w.Line("var listener = new TcpListener(Address, Port);");
        if (c.Chance(0.4))
        {
            w.Line("listener.ExclusiveAddressUse = true;");
        }

        w.Open("try");
        w.Line("listener.Start(" + (c.Chance(0.5) ? c.Names.Backlog().ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ");");
        w.Open($"while (!{ct}.IsCancellationRequested)");
        w.Line("var id = Interlocked.Increment(ref _nextClientId);");
        w.Line($"var client = await listener.AcceptTcpClientAsync({ct}).ConfigureAwait(false);");
        w.Line($"_clients[id] = ServeClientAsync(id, client, {ct});");
        w.Close();
        w.Close();
        w.Open("finally");
        w.Line(c.Log.Call($"\"{name} stopping\""));
        w.Line("listener.Stop();");
        w.Line("await Task.WhenAll(_clients.Values).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"private async Task ServeClientAsync(int id, TcpClient client, CancellationToken {ct})");
        w.Open("try");
        w.Line("client.NoDelay = true;");
        w.Line("var stream = client.GetStream();");
        w.Line("using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);");
        w.Line("using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1024, leaveOpen: true) { AutoFlush = " + c.Pick("true", "false") + " };");
        w.Line($"await writer.WriteLineAsync(\"220 {name} ready\").ConfigureAwait(false);");
        w.Line($"await writer.FlushAsync({ct}).ConfigureAwait(false);");
        w.Open($"while (await reader.ReadLineAsync({ct}).ConfigureAwait(false) is {{ }} line)");
        w.Open("if (line.Equals(\"QUIT\", StringComparison.OrdinalIgnoreCase))");
        w.Line("await writer.WriteLineAsync(\"221 bye\").ConfigureAwait(false);");
        w.Line("break;");
        w.Close();
        w.Blank();
        w.Line("await writer.WriteLineAsync(Respond(line)).ConfigureAwait(false);");
        w.Line($"await writer.FlushAsync({ct}).ConfigureAwait(false);");
        w.Close();
        w.Line($"await writer.FlushAsync({ct}).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (IOException ex)");
        w.Line(c.Log.Call("$\"client {id} dropped: {ex.Message}\""));
        w.Close();
        w.Open("catch (OperationCanceledException)");
        w.Line("// Host shutting down.");
        w.Close();
        w.Open("finally");
        w.Line("client.Dispose();");
        w.Line("_clients.TryRemove(id, out _);");
        w.Close();
        w.Close();
        w.Blank();

        w.Open("private static string Respond(string line)");
        w.Line("var space = line.IndexOf(' ');");
        w.Line("var verb = space < 0 ? line : line[..space];");
        w.Line("var argument = space < 0 ? string.Empty : line[(space + 1)..];");
        w.Line("return verb.ToUpperInvariant() switch");
        w.Line("{");
        w.Line("    \"NOOP\" => \"250 ok\",");
        w.Line("    \"LEN\" => $\"250 {argument.Length}\",");
        w.Line("    \"REV\" => \"250 \" + new string(argument.Reverse().ToArray()),");
        w.Line("    _ => \"500 unknown command\",");
        w.Line("};");
        w.Close();
        w.Close();
        return name;
    }
}
