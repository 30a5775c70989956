namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>Switch2000Cases: a 2,000-case switch statement over socket operations and a 2,000-arm switch expression.</summary>
internal static class WideSwitchWriter
{
    private const int Cases = 2000;

    public static GeneratedFile Write() => PathologicalFile.Write("WideSwitch", w =>
    {
        w.Open("public static int Dispatch(Socket socket, int code)");
        w.Line("var buffer = new byte[64];");
        w.Line("var total = 0;");
        w.Open("switch (code)");
        for (var i = 0; i < Cases; i++)
        {
            w.Line($"case {i}:");
            w.Indent();
            if (i % 3 == 0)
            {
                w.Line($"total += {i};");
            }
            else
            {
                w.Line(PathologicalFile.SocketStatement("socket", i));
            }

            w.Line(i % 50 == 49 ? "return total;" : "break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Line("    socket.Dispose();");
        w.Line("    break;");
        w.Close();
        w.Line("return total;");
        w.Close();
        w.Blank();
        w.Line("public static int Measure(Socket socket, int code) => code switch");
        w.Line("{");
        w.Indent();
        for (var i = 0; i < Cases; i++)
        {
            w.Line((i % 4) switch
            {
                0 => $"{i} => socket.Available + {i},",
                1 => $"{i} => socket.Send(new byte[] {{ {i % 256} }}),",
                2 => $"{i} => socket.Receive(new byte[{1 + (i % 64)}]),",
                _ => $"{i} => socket.Connected ? {i} : -{i},",
            });
        }

        w.Line("_ => 0,");
        w.Outdent();
        w.Line("};");
    });
}
