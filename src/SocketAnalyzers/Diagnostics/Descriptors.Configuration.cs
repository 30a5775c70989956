using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Configuration category.</summary>
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
            "SocketAnalyzers");
    }
}
