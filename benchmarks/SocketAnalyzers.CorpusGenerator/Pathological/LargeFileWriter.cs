using System;
using System.Linq;
using SocketAnalyzers.CorpusGenerator.NonSocketShapes;
using SocketAnalyzers.CorpusGenerator.Shapes;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>
/// File50000Lines: the corpus' own shapes (socket and ordinary, in the corpus proportion) written one after another
/// into a single file of about 50,000 lines.
/// </summary>
internal static class LargeFileWriter
{
    private const int TargetLines = 50_000;

    public static GeneratedFile Write()
    {
        var random = new Random(50_000);
        var names = new NameGenerator(random);
        var mistakes = new MistakeSchedule(random);
        var writer = new CodeWriter();
        var usings = ShapeDefinition.SocketUsings.Concat(OrdinaryShapes.Usings).Append("System.Diagnostics").Distinct(StringComparer.Ordinal).OrderBy(u => u, StringComparer.Ordinal);
        foreach (var name in usings)
        {
            writer.Line($"using {name};");
        }

        writer.Blank();
        writer.Open("namespace Pathological.LargeFile");
        var socketLines = 0;
        for (var index = 0; writer.LineCount < TargetLines; index++)
        {
            var before = writer.LineCount;
            var socket = socketLines < CorpusPlan.SocketShare * before;
            var shape = socket
                ? SocketShapes.All[random.Next(SocketShapes.All.Count)]
                : OrdinaryShapes.All[random.Next(OrdinaryShapes.All.Count)];
            var context = new ShapeContext(random, names, writer, index, before + random.Next(50, 600), mistakes);
            shape.Write(context);
            writer.Blank();
            if (socket)
            {
                socketLines += writer.LineCount - before;
            }
        }

        writer.Close();
        return new GeneratedFile("Pathological/LargeFile.cs", writer.ToString());
    }
}
