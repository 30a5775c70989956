namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>Mistakes of lifetime: sockets some path leaves open.</summary>
internal static partial class MistakeWriter
{
    private static void LeakOnEarlyReturn(ShapeContext c, int n)
    {
        var w = c.Writer;
        var s = c.Names.SocketLocal();
        w.Open($"internal static bool TryProbe{n}(string host, int port, int timeoutMilliseconds)");
        w.Line($"var {s} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        w.Open("if (string.IsNullOrWhiteSpace(host) || port <= 0)");
        w.Line("return false;");
        w.Close();
        w.Blank();
        w.Open("try");
        w.Line($"{s}.ReceiveTimeout = timeoutMilliseconds;");
        w.Line($"{s}.Connect(host, port);");
        w.Line($"return {s}.Connected;");
        w.Close();
        w.Open("catch (SocketException)");
        w.Line("return false;");
        w.Close();
        w.Open("finally");
        w.Line($"{s}.Dispose();");
        w.Close();
        w.Close();
    }

    private static void UnprotectedFactory(ShapeContext c, int n)
    {
        var w = c.Writer;
        var s = c.Names.SocketLocal();
        w.Open($"public static Socket ConnectTo{n}(EndPoint endPoint)");
        w.Line($"var {s} = new Socket(SocketType.Stream, ProtocolType.Tcp);");
        w.Line($"{s}.NoDelay = true;");
        w.Line($"{s}.Connect(endPoint);");
        w.Line($"return {s};");
        w.Close();
    }

    private static void RejectedConnectionLeak(ShapeContext c, int n)
    {
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"internal static async Task AcceptAdmitted{n}Async(Socket listener, Func<bool> admit, Func<Socket, Task> handle, CancellationToken {ct})");
        w.Open($"while (!{ct}.IsCancellationRequested)");
        w.Line($"var client = await listener.AcceptAsync({ct});");
        w.Open("if (!admit())");
        w.Line(c.Log.Call("$\"rejected {client.RemoteEndPoint}\""));
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("_ = handle(client);");
        w.Close();
        w.Close();
    }

    private static void FieldNeverDisposed(ShapeContext c, int n)
    {
        var w = c.Writer;
        var field = c.Names.Field("socket");
        w.Open($"private sealed class KeepAliveChannel{n}");
        w.Line($"private readonly Socket {field} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        w.Blank();
        w.Line($"public bool IsConnected => {field}.Connected;");
        w.Blank();
        w.Line($"public Task OpenAsync(EndPoint endPoint, CancellationToken cancellationToken) => {field}.ConnectAsync(endPoint, cancellationToken).AsTask();");
        w.Close();
    }
}
