using System.Collections.Generic;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>One reported diagnostic in a SARIF run (<c>results[]</c>).</summary>
    public sealed record SarifResult(string RuleId, string Level, string Message, IReadOnlyList<SarifLocation> Locations);
}
