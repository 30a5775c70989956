using System;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>A result's physical location: file URI and 1-based start line and column.</summary>
    public sealed record SarifLocation(Uri File, int StartLine, int StartColumn);
}
