using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A class that owns a Socket or a TcpClient in a field, exposes send/receive operations guarded by a semaphore, and
/// disposes what it owns (IDisposable, or IAsyncDisposable with a graceful disconnect first).
/// </summary>
internal static class ConnectionWrapperShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Connection{c.Suffix}";
        var useTcpClient = c.Chance(0.5);
        var field = c.Names.Field(useTcpClient ? "client" : "socket");
        var ct = c.Names.TokenParameter();

        w.Line("/// <summary>One long-lived connection shared by callers; sends are serialized.</summary>");
        var asyncDisposable = c.Chance(0.4);
        w.Open($"public sealed class {name} : {(asyncDisposable ? "IAsyncDisposable" : "IDisposable")}");
        c.WriteLogMember();
        w.Line(useTcpClient ? $"private readonly TcpClient {field} = new();" : $"private readonly Socket {field} = new(SocketType.Stream, ProtocolType.Tcp);");
        w.Line("private readonly SemaphoreSlim _sendLock = new(1, 1);");
        w.Line("private bool _disposed;");
        w.Blank();
        w.Line($"public bool IsConnected => !_disposed && {field}.Connected;");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task ConnectAsync(string host, int port, CancellationToken {ct})");
        w.Line("ObjectDisposedException.ThrowIf(_disposed, this);");
        w.Line($"await {field}.ConnectAsync(host, port, {ct}).ConfigureAwait(false);");
        w.Line(c.Log.Call($"$\"{name} connected to {{host}}:{{port}}\""));
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken {ct})");
        w.Line($"await _sendLock.WaitAsync({ct}).ConfigureAwait(false);");
        w.Open("try");
        if (useTcpClient)
        {
            w.Line($"await {field}.GetStream().WriteAsync(message, {ct}).ConfigureAwait(false);");
        }
        else
        {
            w.Open("while (!message.IsEmpty)");
            w.Line($"var sent = await {field}.SendAsync(message, SocketFlags.None, {ct}).ConfigureAwait(false);");
            w.Line("message = message[sent..];");
            w.Close();
        }

        w.Close();
        w.Open("finally");
        w.Line("_sendLock.Release();");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task<int> ReceiveAsync(Memory<byte> buffer, CancellationToken {ct})");
        w.Line(useTcpClient
            ? $"var count = await {field}.GetStream().ReadAsync(buffer, {ct}).ConfigureAwait(false);"
            : $"var count = await {field}.ReceiveAsync(buffer, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line(c.Log.Call($"\"{name}: peer closed the connection\""));
        w.Close();
        w.Blank();
        w.Line("return count;");
        w.Close();
        w.Blank();

        if (asyncDisposable)
        {
            w.Open("public async ValueTask DisposeAsync()");
            w.Open("if (_disposed)");
            w.Line("return;");
            w.Close();
            w.Blank();
            w.Line("_disposed = true;");
            w.Line("await _sendLock.WaitAsync().ConfigureAwait(false);");
            w.Open("try");
            w.Line(useTcpClient ? $"{field}.Dispose();" : $"await {field}.DisconnectAsync(reuseSocket: false).ConfigureAwait(false);");
            w.Close();
            w.Open(useTcpClient ? "finally" : "catch (SocketException)");
            w.Line(useTcpClient ? "_sendLock.Release();" : "// Already reset by the peer: nothing to disconnect.");
            w.Close();
            w.Blank();
            if (!useTcpClient)
            {
                w.Line($"{field}.Dispose();");
                w.Line("_sendLock.Release();");
            }

            w.Line("_sendLock.Dispose();");
            w.Close();
        }
        else
        {
            w.Open("public void Dispose()");
            w.Open("if (_disposed)");
            w.Line("return;");
            w.Close();
            w.Blank();
            w.Line("_disposed = true;");
            w.Line(c.Pick($"{field}.Dispose();", $"{field}.Close();"));
            w.Line("_sendLock.Dispose();");
            w.Close();
        }
        w.Close();
        return name;
    }
}
