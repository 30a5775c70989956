using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Lifetime category.</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SocketNotDisposed = new DiagnosticDescriptor(
            DiagnosticIds.SocketNotDisposed,
            Title(DiagnosticIds.SocketNotDisposed),
            Message(DiagnosticIds.SocketNotDisposed),
            Categories.Lifetime,
            Leaks,
            isEnabledByDefault: true,
            Description(DiagnosticIds.SocketNotDisposed),
            HelpLink(DiagnosticIds.SocketNotDisposed),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor SocketLeakedOnException = new DiagnosticDescriptor(
            DiagnosticIds.SocketLeakedOnException,
            Title(DiagnosticIds.SocketLeakedOnException),
            Message(DiagnosticIds.SocketLeakedOnException),
            Categories.Lifetime,
            Judgment,
            isEnabledByDefault: true,
            Description(DiagnosticIds.SocketLeakedOnException),
            HelpLink(DiagnosticIds.SocketLeakedOnException),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor AcceptedSocketNotDisposed = new DiagnosticDescriptor(
            DiagnosticIds.AcceptedSocketNotDisposed,
            Title(DiagnosticIds.AcceptedSocketNotDisposed),
            Message(DiagnosticIds.AcceptedSocketNotDisposed),
            Categories.Lifetime,
            Leaks,
            isEnabledByDefault: true,
            Description(DiagnosticIds.AcceptedSocketNotDisposed),
            HelpLink(DiagnosticIds.AcceptedSocketNotDisposed),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor SocketFieldNotDisposed = new DiagnosticDescriptor(
            DiagnosticIds.SocketFieldNotDisposed,
            Title(DiagnosticIds.SocketFieldNotDisposed),
            Message(DiagnosticIds.SocketFieldNotDisposed),
            Categories.Lifetime,
            Leaks,
            isEnabledByDefault: true,
            Description(DiagnosticIds.SocketFieldNotDisposed),
            HelpLink(DiagnosticIds.SocketFieldNotDisposed),
            "SocketAnalyzers");

        public static readonly DiagnosticDescriptor DisposedSocketEscapes = new DiagnosticDescriptor(
            DiagnosticIds.DisposedSocketEscapes,
            Title(DiagnosticIds.DisposedSocketEscapes),
            Message(DiagnosticIds.DisposedSocketEscapes),
            Categories.Lifetime,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.DisposedSocketEscapes),
            HelpLink(DiagnosticIds.DisposedSocketEscapes),
            "SocketAnalyzers", "Dataflow");
    }
}
