using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Scale
{
    /// <summary>One pass: wall time, summed analyzer time (zero for the compiler alone), what it reported, crashes.</summary>
    internal sealed record PassResult(
        TimeSpan Wall,
        TimeSpan AnalyzerTime,
        ImmutableArray<Diagnostic> Diagnostics,
        ImmutableArray<AnalyzerCrash> Crashes,
        ImmutableDictionary<string, TimeSpan> PerAnalyzer);
}
