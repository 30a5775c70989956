using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// Async handlers that work on a NetworkStream or Socket handed in by a server: copy with counted reads, read a
/// header with ReadExactly, relay between two sockets, drain with a 0-byte check.
/// </summary>
internal static class StreamHandlersShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Handlers{c.Suffix}";
        var ct = c.Names.TokenParameter();
        var size = c.Names.BufferSize();

        w.Line("/// <summary>Connection handlers used by the servers of this module.</summary>");
        w.Open($"public static class {name}");
        c.WriteLogMember();

        SocketMethod.Begin(c);
        w.Open($"public static async Task<long> CopyToAsync(NetworkStream source, Stream destination, CancellationToken {ct})");
        w.Line($"var buffer = ArrayPool<byte>.Shared.Rent({size});");
        w.Open("try");
        w.Line("long total = 0;");
        w.Line("int read;");
        w.Open($"while ((read = await source.ReadAsync(buffer.AsMemory(), {ct}).ConfigureAwait(false)) > 0)");
        w.Line($"await destination.WriteAsync(buffer.AsMemory(0, read), {ct}).ConfigureAwait(false);");
        w.Line("total += read;");
        w.Close();
        w.Blank();
        w.Line("return total;");
        w.Close();
        w.Open("finally");
        w.Line("ArrayPool<byte>.Shared.Return(buffer);");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task<(int Type, int Length)> ReadHeaderAsync(NetworkStream stream, CancellationToken {ct})");
        w.Line("var header = new byte[8];");
        w.Line($"await stream.ReadExactlyAsync(header, {ct}).ConfigureAwait(false);");
        w.Line("return (BitConverter.ToInt32(header, 0), BitConverter.ToInt32(header, 4));");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task RelayAsync(Socket from, Socket to, CancellationToken {ct})");
        w.Line($"var buffer = new byte[{size}];");
        w.Open("while (true)");
        w.Line($"var count = await from.ReceiveAsync(buffer, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line("to.Shutdown(SocketShutdown.Send);");
        w.Line("return;");
        w.Close();
        w.Blank();
        w.Line("var offset = 0;");
        w.Open("while (offset < count)");
        w.Line($"offset += await to.SendAsync(buffer.AsMemory(offset, count - offset), SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task<string?> ReadLineAsync(Socket socket, int maxLength, CancellationToken {ct})");
        w.Line("var builder = new StringBuilder();");
        w.Line("var one = new byte[1];");
        w.Open("while (builder.Length < maxLength)");
        w.Line($"var count = await socket.ReceiveAsync(one, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line("return builder.Length == 0 ? null : builder.ToString();");
        w.Close();
        w.Blank();
        w.Open("if (one[0] == (byte)'\\n')");
        w.Line("return builder.ToString().TrimEnd('\\r');");
        w.Close();
        w.Blank();
        w.Line("builder.Append((char)one[0]);");
        w.Close();
        w.Blank();
        w.Line("throw new InvalidDataException($\"Line longer than {maxLength} characters.\");");
        w.Close();
        w.Close();
        return name;
    }
}
