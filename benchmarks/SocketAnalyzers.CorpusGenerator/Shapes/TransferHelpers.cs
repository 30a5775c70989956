using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// The small transfer helpers real socket code keeps next to its protocol logic: receive-exactly loops that check for
/// a closed peer, send-all loops, length-prefixed frames. Written per file (not shared) as real projects copy them.
/// </summary>
internal static class TransferHelpers
{
    public static void ReceiveExactlyAsync(ShapeContext c, string name)
    {
        SocketMethod.Begin(c);
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"private static async Task {name}(Socket socket, Memory<byte> destination, CancellationToken {ct})");
        w.Line("var received = 0;");
        w.Open("while (received < destination.Length)");
        w.Line($"var count = await socket.ReceiveAsync(destination.Slice(received), SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Open("if (count == 0)");
        w.Line("throw new EndOfStreamException($\"Connection closed after {received} of {destination.Length} bytes.\");");
        w.Close();
        w.Blank();
        w.Line("received += count;");
        w.Close();
        w.Close();
        w.Blank();
    }

    public static void ReceiveExactly(ShapeContext c, string name)
    {
        SocketMethod.Begin(c);
        var w = c.Writer;
        w.Open($"private static void {name}(Socket socket, byte[] destination, int offset, int length)");
        if (c.Chance(0.5))
        {
            w.Open("while (length > 0)");
            w.Line("var count = socket.Receive(destination, offset, length, SocketFlags.None);");
            w.Open("if (count <= 0)");
            w.Line("throw new EndOfStreamException(\"The peer closed the connection mid-frame.\");");
            w.Close();
            w.Blank();
            w.Line("offset += count;");
            w.Line("length -= count;");
            w.Close();
        }
        else
        {
            w.Open("for (var done = 0; done < length;)");
            w.Line("var count = socket.Receive(destination, offset + done, length - done, SocketFlags.None);");
            w.Open("if (count == 0)");
            w.Line("throw new EndOfStreamException();");
            w.Close();
            w.Blank();
            w.Line("done += count;");
            w.Close();
        }

        w.Close();
        w.Blank();
    }

    public static void SendAllAsync(ShapeContext c, string name)
    {
        SocketMethod.Begin(c);
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"private static async Task {name}(Socket socket, ReadOnlyMemory<byte> data, CancellationToken {ct})");
        w.Open("while (!data.IsEmpty)");
        w.Line($"var sent = await socket.SendAsync(data, SocketFlags.None, {ct}).ConfigureAwait(false);");
        w.Line("data = data.Slice(sent);");
        w.Close();
        w.Close();
        w.Blank();
    }

    public static void SendAll(ShapeContext c, string name)
    {
        SocketMethod.Begin(c);
        var w = c.Writer;
        w.Open($"private static void {name}(Socket socket, byte[] data, int count)");
        w.Line("var offset = 0;");
        w.Open("while (offset < count)");
        w.Line("offset += socket.Send(data, offset, count - offset, SocketFlags.None);");
        w.Close();
        w.Close();
        w.Blank();
    }

    /// <summary>A length-prefixed frame writer (4-byte little-endian length, then the payload).</summary>
    public static void WriteFrameAsync(ShapeContext c, string name, string sendAll)
    {
        SocketMethod.Begin(c);
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"private static async Task {name}(Socket socket, ReadOnlyMemory<byte> payload, CancellationToken {ct})");
        w.Line("var header = new byte[4];");
        w.Line("BitConverter.TryWriteBytes(header, payload.Length);");
        w.Line($"await {sendAll}(socket, header, {ct}).ConfigureAwait(false);");
        w.Line($"await {sendAll}(socket, payload, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Blank();
    }
}
