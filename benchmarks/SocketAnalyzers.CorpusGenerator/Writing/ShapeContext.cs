using System;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>Everything one shape writer needs to write one file: the seeded random, names, the writer and the budget.</summary>
internal sealed class ShapeContext
{
    public ShapeContext(Random random, NameGenerator names, CodeWriter writer, int index, int lineBudget, MistakeSchedule mistakes)
    {
        this.Random = random;
        this.Names = names;
        this.Writer = writer;
        this.Index = index;
        this.LineBudget = lineBudget;
        this.Mistakes = mistakes;
        this.Log = new LogStyle(random);
    }

    public Random Random { get; }

    public NameGenerator Names { get; }

    public CodeWriter Writer { get; }

    /// <summary>The file's index in the corpus; every type name of the file ends with it.</summary>
    public int Index { get; }

    /// <summary>How many lines the file should roughly have; shapes that grow by members stop near it.</summary>
    public int LineBudget { get; }

    public MistakeSchedule Mistakes { get; }

    public LogStyle Log { get; }

    /// <summary>The suffix that makes type names unique.</summary>
    public string Suffix => this.Index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public bool Chance(double probability) => this.Random.NextDouble() < probability;

    public int Next(int minInclusive, int maxExclusive) => this.Random.Next(minInclusive, maxExclusive);

    public T Pick<T>(params T[] values) => values[this.Random.Next(values.Length)];

    /// <summary>Writes the member the log style needs, if any (call inside the type body).</summary>
    public void WriteLogMember()
    {
        if (this.Log.Member is { } member)
        {
            this.Writer.Line(member);
            this.Writer.Blank();
        }
    }
}
