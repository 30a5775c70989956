using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Descriptors of the Protocol category.</summary>
    internal static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor ListenOnDatagramSocket = new DiagnosticDescriptor(
            DiagnosticIds.ListenOnDatagramSocket,
            Title(DiagnosticIds.ListenOnDatagramSocket),
            Message(DiagnosticIds.ListenOnDatagramSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.ListenOnDatagramSocket),
            HelpLink(DiagnosticIds.ListenOnDatagramSocket),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor AcceptOnNonListeningSocket = new DiagnosticDescriptor(
            DiagnosticIds.AcceptOnNonListeningSocket,
            Title(DiagnosticIds.AcceptOnNonListeningSocket),
            Message(DiagnosticIds.AcceptOnNonListeningSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.AcceptOnNonListeningSocket),
            HelpLink(DiagnosticIds.AcceptOnNonListeningSocket),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor ListenOnUnboundSocket = new DiagnosticDescriptor(
            DiagnosticIds.ListenOnUnboundSocket,
            Title(DiagnosticIds.ListenOnUnboundSocket),
            Message(DiagnosticIds.ListenOnUnboundSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.ListenOnUnboundSocket),
            HelpLink(DiagnosticIds.ListenOnUnboundSocket),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor ConnectListenConflict = new DiagnosticDescriptor(
            DiagnosticIds.ConnectListenConflict,
            Title(DiagnosticIds.ConnectListenConflict),
            Message(DiagnosticIds.ConnectListenConflict),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.ConnectListenConflict),
            HelpLink(DiagnosticIds.ConnectListenConflict),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor SendReceiveOnUnconnectedSocket = new DiagnosticDescriptor(
            DiagnosticIds.SendReceiveOnUnconnectedSocket,
            Title(DiagnosticIds.SendReceiveOnUnconnectedSocket),
            Message(DiagnosticIds.SendReceiveOnUnconnectedSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.SendReceiveOnUnconnectedSocket),
            HelpLink(DiagnosticIds.SendReceiveOnUnconnectedSocket),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor UseAfterClose = new DiagnosticDescriptor(
            DiagnosticIds.UseAfterClose,
            Title(DiagnosticIds.UseAfterClose),
            Message(DiagnosticIds.UseAfterClose),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.UseAfterClose),
            HelpLink(DiagnosticIds.UseAfterClose),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor BindOnBoundSocket = new DiagnosticDescriptor(
            DiagnosticIds.BindOnBoundSocket,
            Title(DiagnosticIds.BindOnBoundSocket),
            Message(DiagnosticIds.BindOnBoundSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.BindOnBoundSocket),
            HelpLink(DiagnosticIds.BindOnBoundSocket),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor PreBindOptionTooLate = new DiagnosticDescriptor(
            DiagnosticIds.PreBindOptionTooLate,
            Title(DiagnosticIds.PreBindOptionTooLate),
            Message(DiagnosticIds.PreBindOptionTooLate),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.PreBindOptionTooLate),
            HelpLink(DiagnosticIds.PreBindOptionTooLate),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor InvalidSocketConstructorArguments = new DiagnosticDescriptor(
            DiagnosticIds.InvalidSocketConstructorArguments,
            Title(DiagnosticIds.InvalidSocketConstructorArguments),
            Message(DiagnosticIds.InvalidSocketConstructorArguments),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.InvalidSocketConstructorArguments),
            HelpLink(DiagnosticIds.InvalidSocketConstructorArguments),
            "SocketAnalyzers");

        public static readonly DiagnosticDescriptor TcpListenerAcceptWhenNotStarted = new DiagnosticDescriptor(
            DiagnosticIds.TcpListenerAcceptWhenNotStarted,
            Title(DiagnosticIds.TcpListenerAcceptWhenNotStarted),
            Message(DiagnosticIds.TcpListenerAcceptWhenNotStarted),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.TcpListenerAcceptWhenNotStarted),
            HelpLink(DiagnosticIds.TcpListenerAcceptWhenNotStarted),
            "SocketAnalyzers", "Dataflow");

        public static readonly DiagnosticDescriptor StreamOnUnconnectedSocket = new DiagnosticDescriptor(
            DiagnosticIds.StreamOnUnconnectedSocket,
            Title(DiagnosticIds.StreamOnUnconnectedSocket),
            Message(DiagnosticIds.StreamOnUnconnectedSocket),
            Categories.Protocol,
            Throws,
            isEnabledByDefault: true,
            Description(DiagnosticIds.StreamOnUnconnectedSocket),
            HelpLink(DiagnosticIds.StreamOnUnconnectedSocket),
            "SocketAnalyzers", "Dataflow");
    }
}
