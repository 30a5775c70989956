using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Configuration category. SOCK001 is reported at compilation end (RS1037).</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor InvalidConfiguration = new DiagnosticDescriptor(
            DiagnosticIds.InvalidConfiguration,
            Title(DiagnosticIds.InvalidConfiguration),
            Message(DiagnosticIds.InvalidConfiguration),
            Categories.Configuration,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            Description(DiagnosticIds.InvalidConfiguration),
            HelpLink(DiagnosticIds.InvalidConfiguration),
            "SocketAnalyzers",
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
