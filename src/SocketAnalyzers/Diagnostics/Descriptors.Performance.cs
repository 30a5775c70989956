using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Performance category.</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor BlockingCallInAsyncCode = new DiagnosticDescriptor(
            DiagnosticIds.BlockingCallInAsyncCode,
            Title(DiagnosticIds.BlockingCallInAsyncCode),
            Message(DiagnosticIds.BlockingCallInAsyncCode),
            Categories.Performance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            Description(DiagnosticIds.BlockingCallInAsyncCode),
            HelpLink(DiagnosticIds.BlockingCallInAsyncCode),
            "SocketAnalyzers");

        public static readonly DiagnosticDescriptor SyncOverAsyncSocketWait = new DiagnosticDescriptor(
            DiagnosticIds.SyncOverAsyncSocketWait,
            Title(DiagnosticIds.SyncOverAsyncSocketWait),
            Message(DiagnosticIds.SyncOverAsyncSocketWait),
            Categories.Performance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            Description(DiagnosticIds.SyncOverAsyncSocketWait),
            HelpLink(DiagnosticIds.SyncOverAsyncSocketWait),
            "SocketAnalyzers");

        public static readonly DiagnosticDescriptor BlockingCallInHotPath = new DiagnosticDescriptor(
            DiagnosticIds.BlockingCallInHotPath,
            Title(DiagnosticIds.BlockingCallInHotPath),
            Message(DiagnosticIds.BlockingCallInHotPath),
            Categories.Performance,
            Judgment,
            isEnabledByDefault: true,
            Description(DiagnosticIds.BlockingCallInHotPath),
            HelpLink(DiagnosticIds.BlockingCallInHotPath),
            "SocketAnalyzers");
    }
}
