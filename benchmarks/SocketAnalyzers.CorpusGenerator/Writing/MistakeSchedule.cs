using System;
using System.Collections.Generic;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// Decides which socket methods of the corpus carry a seeded mistake: about one in <see cref="DefaultMeanGap"/> (≈3–4 %,
/// what real code bases show), rotating through every kind in a shuffled order so each kind recurs evenly.
/// </summary>
internal sealed class MistakeSchedule
{
    public const int DefaultMeanGap = 28;

    private readonly Random random;
    private readonly int meanGap;
    private readonly List<string> rotation = new();
    private int untilNext;

    /// <param name="random">The corpus' seeded random.</param>
    /// <param name="meanGap">Socket methods per seeded mistake, on average (tests use a small gap to seed every kind).</param>
    public MistakeSchedule(Random random, int meanGap = DefaultMeanGap)
    {
        this.random = random;
        this.meanGap = Math.Max(1, meanGap);
        this.untilNext = random.Next(1, this.meanGap / 2 + 2);
    }

    /// <summary>The rule IDs of the mistakes seeded so far, in order.</summary>
    public List<string> Seeded { get; } = new();

    /// <summary>How many socket methods asked so far.</summary>
    public int SocketMethods { get; private set; }

    /// <summary>Called once per socket method a shape writes; returns the rule ID of the mistake to seed instead, or null.</summary>
    public string? NextMethod()
    {
        this.SocketMethods++;
        if (--this.untilNext > 0)
        {
            return null;
        }

        this.untilNext = this.random.Next(Math.Max(1, this.meanGap / 2), this.meanGap * 3 / 2 + 1);
        if (this.rotation.Count == 0)
        {
            this.Refill();
        }

        var ruleId = this.rotation[^1];
        this.rotation.RemoveAt(this.rotation.Count - 1);
        this.Seeded.Add(ruleId);
        return ruleId;
    }

    private void Refill()
    {
        this.rotation.AddRange(MistakeWriter.RuleIds);
        for (var i = this.rotation.Count - 1; i > 0; i--)
        {
            var j = this.random.Next(i + 1);
            (this.rotation[i], this.rotation[j]) = (this.rotation[j], this.rotation[i]);
        }
    }
}
