using System;
using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.NonSocketShapes;
using SocketAnalyzers.CorpusGenerator.Shapes;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// Picks the sequence of files: one of each socket shape first (so every shape is present at any size), then socket
/// or ordinary files so that socket files stay near <see cref="SocketShare"/> of the lines, until the target is met.
/// </summary>
internal sealed class CorpusPlan
{
    /// <summary>The share of lines in socket files; real applications are mostly not socket code.</summary>
    public const double SocketShare = 0.175;

    /// <summary>Below this many remaining lines only an ordinary file (whose size follows its budget) is written.</summary>
    private const int SocketFileHeadroom = 320;

    private readonly int targetLines;
    private readonly Random random;
    private readonly NameGenerator names;
    private readonly MistakeSchedule mistakes;
    private readonly List<GeneratedFile> files = new();
    private int totalLines;
    private int socketLines;

    public CorpusPlan(int targetLines, int seed, int mistakeGap = MistakeSchedule.DefaultMeanGap)
    {
        this.targetLines = Math.Max(0, targetLines);
        this.random = new Random(seed);
        this.names = new NameGenerator(this.random);
        this.mistakes = new MistakeSchedule(this.random, mistakeGap);
    }

    /// <summary>The rule IDs of the mistakes seeded by <see cref="Build"/>, in order.</summary>
    public IReadOnlyList<string> SeededMistakes => this.mistakes.Seeded;

    /// <summary>How many socket methods the shapes wrote (mistake methods not included).</summary>
    public int SocketMethods => this.mistakes.SocketMethods;

    public IReadOnlyList<GeneratedFile> Build()
    {
        foreach (var shape in SocketShapes.All)
        {
            this.Add(shape, isSocket: true, budget: 0);
        }

        while (this.totalLines < this.targetLines)
        {
            var remaining = this.targetLines - this.totalLines;
            var wantSocket = this.socketLines < SocketShare * (this.totalLines + 150) && remaining > SocketFileHeadroom;
            if (wantSocket)
            {
                this.Add(SocketShapes.All[this.random.Next(SocketShapes.All.Count)], isSocket: true, budget: 0);
            }
            else
            {
                var budget = Math.Min(this.random.Next(50, 600), Math.Max(remaining, 50));
                this.Add(OrdinaryShapes.All[this.random.Next(OrdinaryShapes.All.Count)], isSocket: false, budget);
            }
        }

        return this.files;
    }

    private void Add(ShapeDefinition shape, bool isSocket, int budget)
    {
        var writer = new CodeWriter();
        var context = new ShapeContext(this.random, this.names, writer, this.files.Count, budget, this.mistakes);
        var folder = shape.Folder.Replace('/', '.');
        var typeName = FileLayout.Write(context, $"{this.names.Company}.{folder}", shape.Usings, shape.Write);
        this.files.Add(new GeneratedFile($"{shape.Folder}/{typeName}.cs", writer.ToString()));
        this.totalLines += writer.LineCount;
        if (isSocket)
        {
            this.socketLines += writer.LineCount;
        }
    }
}
