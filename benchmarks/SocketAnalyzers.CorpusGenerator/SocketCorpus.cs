using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator;

/// <summary>
/// Generates a realistic C# code base of a chosen size: socket servers, clients, factories, wrappers, UDP discovery,
/// pools — mostly correct, with a few seeded mistakes our rules catch — inside the ordinary application code that
/// makes up most of a real project. The files compile together as one net10.0 library with nullable enabled.
/// </summary>
public static class SocketCorpus
{
    /// <summary>
    /// The rule IDs of the mistakes the generator seeds into about 3–4 % of socket methods (each kind recurs in turn, so a
    /// corpus of 20,000 lines holds every kind).
    /// </summary>
    public static IReadOnlyList<string> SeededMistakeRuleIds => MistakeWriter.RuleIds;

    /// <summary>
    /// Deterministic for a (<paramref name="targetLines"/>, <paramref name="seed"/>): the same input gives byte-identical
    /// output. The total line count is within ±10 % of <paramref name="targetLines"/> from 2,000 lines up; smaller
    /// targets still get one file of each socket shape.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Generate(int targetLines, int seed = 1) =>
        new CorpusPlan(targetLines, seed).Build();
}
