using System;

namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>Method5000Statements: twenty sockets created, connected or bound, then 5,000 statements over them.</summary>
internal static class LongMethodWriter
{
    private const int Sockets = 20;
    private const int Statements = 5000;

    public static GeneratedFile Write() => PathologicalFile.Write("LongMethod", w =>
    {
        var random = new Random(5000);
        w.Open("public static int Run(EndPoint remote, IPEndPoint local, bool[] flags)");
        w.Line("var buffer = new byte[1024];");
        w.Line("var total = 0;");
        var written = 2;
        for (var i = 0; i < Sockets; i++)
        {
            w.Line($"using var s{i} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
            w.Line(i % 4 == 0 ? $"s{i}.Bind(local);" : $"s{i}.Connect(remote);");
            written += 2;
        }

        while (written < Statements - 1)
        {
            var socket = $"s{random.Next(Sockets)}";
            var pick = random.Next(1000);
            if (pick % 7 == 0)
            {
                w.Open($"if (flags[{pick % 16}])");
                w.Line(PathologicalFile.SocketStatement(socket, pick / 7));
                w.Close();
                w.Open("else");
                w.Line($"total -= {pick};");
                w.Close();
                written += 3;
            }
            else
            {
                w.Line(PathologicalFile.SocketStatement(socket, pick));
                written++;
            }
        }

        w.Line("return total;");
        w.Close();
    });
}
