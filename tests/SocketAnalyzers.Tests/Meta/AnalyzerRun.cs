using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>What the analyzers reported on a compilation, and every exception or AD diagnostic they caused.</summary>
    internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures);
}
