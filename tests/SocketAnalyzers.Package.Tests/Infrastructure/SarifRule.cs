using System.Collections.Generic;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>A rule's metadata in a SARIF run (<c>tool.driver.rules[]</c>).</summary>
    public sealed record SarifRule(
        string Id,
        string? ShortDescription,
        string? FullDescription,
        string? HelpUri,
        string? Category,
        string DefaultLevel,
        bool EnabledByDefault,
        IReadOnlyList<string> Tags);
}
