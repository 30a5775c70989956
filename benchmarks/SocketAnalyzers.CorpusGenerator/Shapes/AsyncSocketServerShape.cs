using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// An async server on a raw Socket: an accept loop that starts one handler task per connection, with a connection
/// limit, a receive loop that ends on a 0-byte read, and an echo or length-prefixed reply.
/// </summary>
internal static class AsyncSocketServerShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Server{c.Suffix}";
        var ct = c.Names.TokenParameter();
        var listener = c.Names.ListenerLocal();
        var limit = c.Pick(64, 100, 256, 1000, 4096);
        var framed = c.Chance(0.5);

        w.Line($"/// <summary>Accepts connections and serves each one on its own task.</summary>");
        w.Open($"public sealed class {name}");
        c.WriteLogMember();
        w.Line($"private const int MaxConnections = {limit};");
        var bufferSize = c.Names.Field("bufferSize");
        w.Line($"private readonly int {bufferSize} = {c.Names.BufferSize()};");
        w.Line("private readonly ConcurrentDictionary<Socket, Task> _sessions = new();");
        w.Line("private int _activeConnections;");
        w.Blank();
        w.Line("public int ActiveConnections => Volatile.Read(ref _activeConnections);");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task RunAsync(IPEndPoint endPoint, CancellationToken {ct})");
        w.Line($"using var {listener} = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);");
        if (c.Chance(0.5))
        {
            w.Line($"{listener}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");
        }

        if (c.Chance(0.3))
        {
            w.Open("if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)");
            w.Line($"{listener}.DualMode = true;");
            w.Close();
        }

        w.Line($"{listener}.Bind(endPoint);");
        w.Line($"{listener}.Listen({c.Names.Backlog()});");
        w.Line(c.Log.Call($"$\"{name} listening on {{{listener}.LocalEndPoint}}\""));
        w.Blank();
        w.Open($"while (!{ct}.IsCancellationRequested)");
        w.Line("Socket connection;");
        w.Open("try");
        w.Line($"connection = await {listener}.AcceptAsync({ct}).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (OperationCanceledException)");
        w.Line("break;");
        w.Close();
        w.Blank();
        w.Open("if (Interlocked.Increment(ref _activeConnections) > MaxConnections)");
        w.Line("Interlocked.Decrement(ref _activeConnections);");
        w.Line(c.Log.Call("$\"rejecting {connection.RemoteEndPoint}: too many connections\""));
        w.Line("connection.Dispose();");
        w.Line("continue;");
        w.Close();
        w.Blank();
        if (c.Chance(0.5))
        {
            w.Line("connection.NoDelay = true;");
        }

        // Three hand-off styles real servers use: fire and forget, a thread-pool start, a tracked task.
        w.Line(c.Pick(
            $"_ = ServeAsync(connection, {ct});",
            $"_ = Task.Run(() => ServeAsync(connection, {ct}));",
            $"_sessions[connection] = ServeAsync(connection, {ct});"));
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"private async Task ServeAsync(Socket connection, CancellationToken {ct})");
        w.Line($"var buffer = new byte[{bufferSize}];");
        w.Open("try");
        if (framed)
        {
            w.Open($"while (!{ct}.IsCancellationRequested)");
            w.Line("var header = new byte[4];");
            w.Line($"await ReceiveExactlyAsync(connection, header, {ct}).ConfigureAwait(false);");
            w.Line("var length = BitConverter.ToInt32(header, 0);");
            w.Open("if (length < 0 || length > buffer.Length)");
            w.Line("throw new InvalidDataException($\"Frame of {length} bytes exceeds the buffer.\");");
            w.Close();
            w.Blank();
            w.Line($"await ReceiveExactlyAsync(connection, buffer.AsMemory(0, length), {ct}).ConfigureAwait(false);");
            w.Line($"await WriteFrameAsync(connection, Process(buffer.AsMemory(0, length)), {ct}).ConfigureAwait(false);");
            w.Close();
        }
        else
        {
            w.Open("while (true)");
            w.Line($"var received = await connection.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, {ct}).ConfigureAwait(false);");
            w.Open("if (received == 0)");
            w.Line("break;");
            w.Close();
            w.Blank();
            w.Line($"await SendAllAsync(connection, Process(buffer.AsMemory(0, received)), {ct}).ConfigureAwait(false);");
            w.Close();
        }

        w.Close();
        w.Open(c.Pick("catch (SocketException ex)", "catch (Exception ex) when (ex is SocketException or IOException)"));
        w.Line(c.Log.Call("$\"connection failed: {ex.Message}\""));
        w.Close();
        w.Open("catch (OperationCanceledException)");
        w.Line("// Shutting down.");
        w.Close();
        w.Open("finally");
        w.Line("_sessions.TryRemove(connection, out _);");
        w.Line("connection.Dispose();");
        w.Line("Interlocked.Decrement(ref _activeConnections);");
        w.Close();
        w.Close();
        w.Blank();

        w.Open("private static ReadOnlyMemory<byte> Process(ReadOnlyMemory<byte> request)");
        if (c.Chance(0.5))
        {
            w.Line("return request;");
        }
        else
        {
            w.Line("var text = Encoding.UTF8.GetString(request.Span).Trim();");
            w.Line("return Encoding.UTF8.GetBytes(text.ToUpperInvariant() + \"\\n\");");
        }

        w.Close();
        w.Blank();
        if (framed)
        {
            TransferHelpers.ReceiveExactlyAsync(c, "ReceiveExactlyAsync");
            TransferHelpers.WriteFrameAsync(c, "WriteFrameAsync", "SendAllAsync");
        }

        TransferHelpers.SendAllAsync(c, "SendAllAsync");
        w.Close();
        return name;
    }
}
