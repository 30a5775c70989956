using System;
using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// Handlers that work on a NetworkStream or Socket handed in by a server, a few per file in a random order: copy
/// with counted reads, read a header with ReadExactly, relay between two sockets, read a line, ReadAtLeast, a TLS
/// handshake over the stream, drain what is available, send a file.
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

        var handlers = new List<Action<ShapeContext, string, int>> { CopyTo, ReadHeader, Relay, ReadLine, ReadAtLeast, Authenticate, DrainAvailable, SendFile };
        var count = c.Next(3, 6);
        for (var i = 0; i < count; i++)
        {
            var pick = c.Next(0, handlers.Count);
            SocketMethod.Begin(c);
            handlers[pick](c, ct, size);
            handlers.RemoveAt(pick);
            if (i < count - 1)
            {
                w.Blank();
            }
        }

        w.Close();
        return name;
    }

    private static void CopyTo(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
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
    }

    private static void ReadHeader(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
        w.Open($"public static async Task<(int Type, int Length)> ReadHeaderAsync(NetworkStream stream, CancellationToken {ct})");
        w.Line("var header = new byte[8];");
        w.Line($"await stream.ReadExactlyAsync(header, {ct}).ConfigureAwait(false);");
        w.Line("return (BitConverter.ToInt32(header, 0), BitConverter.ToInt32(header, 4));");
        w.Close();
    }

    private static void Relay(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
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
    }

    private static void ReadLine(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
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
    }

    private static void ReadAtLeast(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
        w.Open($"public static async Task<int> ReadBatchAsync(NetworkStream stream, Memory<byte> buffer, int minimum, CancellationToken {ct})");
        w.Line($"var read = await stream.ReadAtLeastAsync(buffer, minimum, throwOnEndOfStream: false, {ct}).ConfigureAwait(false);");
        w.Open("if (read < minimum)");
        w.Line(c.Log.Call("$\"short batch: {read} of at least {minimum} bytes\""));
        w.Close();
        w.Blank();
        w.Line("return read;");
        w.Close();
    }

    private static void Authenticate(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
        w.Open($"public static async Task<SslStream> AuthenticateAsync(NetworkStream stream, string host, CancellationToken {ct})");
        w.Line("var ssl = new SslStream(stream, leaveInnerStreamOpen: true);");
        w.Open("try");
        w.Line($"await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions {{ TargetHost = host }}, {ct}).ConfigureAwait(false);");
        w.Line("return ssl;");
        w.Close();
        w.Open("catch");
        w.Line("await ssl.DisposeAsync().ConfigureAwait(false);");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void DrainAvailable(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
        w.Open("public static int DrainAvailable(Socket socket, byte[] buffer)");
        w.Line("var total = 0;");
        w.Open("while (socket.Available > 0)");
        w.Line("var count = socket.Receive(buffer, 0, Math.Min(buffer.Length, socket.Available), SocketFlags.None);");
        w.Open("if (count == 0)");
        w.Line("break;");
        w.Close();
        w.Blank();
        w.Line("total += count;");
        w.Close();
        w.Blank();
        w.Line("return total;");
        w.Close();
    }

    private static void SendFile(ShapeContext c, string ct, int size)
    {
        var w = c.Writer;
        w.Open($"public static async Task SendFileAsync(Socket socket, string path, CancellationToken {ct})");
        w.Open("if (!File.Exists(path))");
        w.Line("throw new FileNotFoundException(\"Nothing to send.\", path);");
        w.Close();
        w.Blank();
        w.Line("var header = Encoding.UTF8.GetBytes(Path.GetFileName(path) + \"\\n\");");
        w.Line($"await socket.SendAsync(header, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Line($"await socket.SendFileAsync(path, {ct}).ConfigureAwait(false);");
        w.Close();
    }
}
