namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>NestedLoops50: for, while, foreach and do loops nested 50 deep around socket operations.</summary>
internal static class NestedLoopsWriter
{
    private const int Depth = 50;

    public static GeneratedFile Write() => PathologicalFile.Write("NestedLoops", w =>
    {
        w.Open("public static int Run(EndPoint remote, int[] items)");
        w.Line("var buffer = new byte[128];");
        w.Line("var total = 0;");
        w.Line("using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        w.Line("socket.Connect(remote);");
        for (var depth = 0; depth < Depth; depth++)
        {
            switch (depth % 4)
            {
                case 0:
                    w.Open($"for (var i{depth} = 0; i{depth} < items.Length; i{depth}++)");
                    break;
                case 1:
                    w.Line($"var w{depth} = items.Length;");
                    w.Open($"while (w{depth}-- > 0)");
                    break;
                case 2:
                    w.Open($"foreach (var f{depth} in items)");
                    break;
                default:
                    w.Line($"var d{depth} = 0;");
                    w.Line("do");
                    w.Line("{");
                    w.Indent();
                    break;
            }

            if (depth % 3 == 0)
            {
                w.Line(PathologicalFile.SocketStatement("socket", depth));
            }
        }

        w.Line("var count = socket.Receive(buffer);");
        w.Open("if (count == 0)");
        w.Line("return total;");
        w.Close();
        w.Line("total += count;");
        for (var depth = Depth - 1; depth >= 0; depth--)
        {
            w.Close(depth % 4 == 3 ? $" while (++d{depth} < items.Length);" : string.Empty);
        }

        w.Line("return total;");
        w.Close();
    });
}
