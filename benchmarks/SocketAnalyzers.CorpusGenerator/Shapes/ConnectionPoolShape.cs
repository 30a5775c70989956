using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A pool of connected sockets to one endpoint: rent (reuse an idle socket or connect a new one), return (keep it
/// if healthy and there is room, else close it), and dispose every pooled socket.
/// </summary>
internal static class ConnectionPoolShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}ConnectionPool{c.Suffix}";
        var ct = c.Names.TokenParameter();
        var capacity = c.Pick(4, 8, 16, 32, 64);

        w.Line("/// <summary>Keeps up to a fixed number of idle connections to one endpoint.</summary>");
        w.Open($"public sealed class {name} : IDisposable");
        c.WriteLogMember();
        w.Line("private readonly ConcurrentBag<Socket> _idle = new();");
        w.Line("private readonly EndPoint _remote;");
        w.Line($"private readonly int _capacity = {capacity};");
        w.Line("private int _created;");
        w.Blank();
        w.Line($"public {name}(EndPoint remote) => _remote = remote;");
        w.Blank();
        w.Line("public int Created => Volatile.Read(ref _created);");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async ValueTask<Socket> RentAsync(CancellationToken {ct})");
        w.Open("while (_idle.TryTake(out var pooled))");
        w.Open("if (pooled.Connected && !pooled.Poll(0, SelectMode.SelectRead))");
        w.Line("return pooled;");
        w.Close();
        w.Blank();
        w.Line("pooled.Dispose();");
        w.Close();
        w.Blank();
        w.Line("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };");
        w.Open("try");
        w.Line($"await socket.ConnectAsync(_remote, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Open("catch");
        w.Line("socket.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Blank();
        w.Line("Interlocked.Increment(ref _created);");
        w.Line("return socket;");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public void Return(Socket socket)");
        w.Open("if (!socket.Connected || _idle.Count >= _capacity)");
        w.Line("socket.Dispose();");
        w.Line("return;");
        w.Close();
        w.Blank();
        w.Line("_idle.Add(socket);");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public async Task<int> ExchangeAsync(ReadOnlyMemory<byte> request, Memory<byte> reply, CancellationToken {ct})");
        w.Line($"var socket = await RentAsync({ct}).ConfigureAwait(false);");
        w.Open("try");
        w.Line($"await socket.SendAsync(request, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Line($"var count = await socket.ReceiveAsync(reply, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line("throw new IOException(\"The pooled connection was closed by the peer.\");");
        w.Close();
        w.Blank();
        w.Line("Return(socket);");
        w.Line("return count;");
        w.Close();
        w.Open("catch");
        w.Line("socket.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
        w.Blank();

        w.Open("public void Dispose()");
        w.Open("while (_idle.TryTake(out var socket))");
        w.Line("socket.Dispose();");
        w.Close();
        w.Close();
        w.Close();
        return name;
    }
}
