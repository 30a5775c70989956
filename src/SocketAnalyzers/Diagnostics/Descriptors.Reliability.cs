using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Reliability category.</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor ReceiveResultIgnored = new DiagnosticDescriptor(
            DiagnosticIds.ReceiveResultIgnored,
            Title(DiagnosticIds.ReceiveResultIgnored),
            Message(DiagnosticIds.ReceiveResultIgnored),
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            Description(DiagnosticIds.ReceiveResultIgnored),
            HelpLink(DiagnosticIds.ReceiveResultIgnored),
            "SocketAnalyzers");

        public static readonly DiagnosticDescriptor ReceiveLoopIgnoresEndOfStream = new DiagnosticDescriptor(
            DiagnosticIds.ReceiveLoopIgnoresEndOfStream,
            Title(DiagnosticIds.ReceiveLoopIgnoresEndOfStream),
            Message(DiagnosticIds.ReceiveLoopIgnoresEndOfStream),
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            Description(DiagnosticIds.ReceiveLoopIgnoresEndOfStream),
            HelpLink(DiagnosticIds.ReceiveLoopIgnoresEndOfStream),
            "SocketAnalyzers", "Dataflow");
    }
}
