namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>NestedIfs200: 200 nested ifs over one connected socket, with socket operations every few levels.</summary>
internal static class NestedIfsWriter
{
    private const int Depth = 200;

    public static GeneratedFile Write() => PathologicalFile.Write("NestedIfs", w =>
    {
        w.Open("public static int Run(EndPoint remote, int[] values)");
        w.Line("var buffer = new byte[256];");
        w.Line("var total = 0;");
        w.Line("using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        w.Line("socket.Connect(remote);");
        for (var depth = 0; depth < Depth; depth++)
        {
            w.Open($"if (values[{depth % 32}] > {depth})");
            if (depth % 5 == 0)
            {
                w.Line(PathologicalFile.SocketStatement("socket", depth / 5));
            }

            if (depth % 17 == 0)
            {
                w.Line("socket.Shutdown(SocketShutdown.Send);");
            }
        }

        w.Line("total += socket.Receive(buffer);");
        for (var depth = Depth - 1; depth >= 0; depth--)
        {
            w.Close();
            if (depth % 40 == 0)
            {
                w.Open("else");
                w.Line("total += socket.Available;");
                w.Close();
            }
        }

        w.Line("return total;");
        w.Close();
    });
}
