using System.Collections.Immutable;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// What one fuzz case exercised and every failure it caused: analyzer exceptions (AD0001, AD0002) and exceptions
    /// thrown by a code fix while registering, computing an action or fixing all.
    /// </summary>
    internal sealed record FuzzOutcome(ImmutableArray<string> Failures, int Diagnostics, int ActionsApplied, int FixAllsApplied);
}
