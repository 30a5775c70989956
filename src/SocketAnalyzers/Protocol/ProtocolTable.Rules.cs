using System.Collections.Immutable;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Protocol
{
    /// <summary>The illegal entries of the protocol, each grounded in a measured scenario.</summary>
    public static partial class ProtocolTable
    {
        private static readonly SocketStates NotBoundOrConnected = SocketStates.Of(Created, Bound, Listening);
        private static readonly SocketStates BoundOrBeyond = SocketStates.Of(Bound, Listening, Connected);
        private static readonly SocketStates ClosedOnly = SocketStates.Of(Closed);

        /// <summary>
        /// Every illegal (API, operation, states, transport) entry. Order matters: the first match wins,
        /// so use-after-close comes before the state checks it would otherwise shadow.
        /// Scenario ids refer to the measured tables reproduced in docs/protocol.md.
        /// </summary>
        public static ImmutableArray<ProtocolRule> Rules { get; } = ImmutableArray.Create(
            // Use after close: every Socket member throws ObjectDisposedException; Close/Dispose twice is fine (G1, G2).
            AfterClose(SocketApi.Socket, SocketOperation.Bind),
            AfterClose(SocketApi.Socket, SocketOperation.Listen),
            AfterClose(SocketApi.Socket, SocketOperation.Accept),
            AfterClose(SocketApi.Socket, SocketOperation.Connect),
            // SendFileAsync checks Connected first on a datagram socket; the async ReceiveFrom forms check IsBound first (ground truth).
            AfterClose(SocketApi.Socket, SocketOperation.Send, "; SendFileAsync on datagram sockets: throws NotSupportedException"),
            AfterClose(SocketApi.Socket, SocketOperation.Receive),
            AfterClose(SocketApi.Socket, SocketOperation.SendTo),
            AfterClose(SocketApi.Socket, SocketOperation.ReceiveFrom, "; ReceiveFromAsync, ReceiveMessageFromAsync on never-bound sockets: throws InvalidOperationException"),
            AfterClose(SocketApi.Socket, SocketOperation.ShutdownSend),
            AfterClose(SocketApi.Socket, SocketOperation.ShutdownReceive),
            AfterClose(SocketApi.Socket, SocketOperation.ShutdownBoth),
            AfterClose(SocketApi.Socket, SocketOperation.Shutdown),
            AfterClose(SocketApi.Socket, SocketOperation.Disconnect),
            new ProtocolRule(DiagnosticIds.UseAfterClose, SocketApi.TcpClient, SocketOperation.GetStream, ClosedOnly, null, "throws ObjectDisposedException", "J5"),
            new ProtocolRule(DiagnosticIds.UseAfterClose, SocketApi.UdpClient, SocketOperation.SendTo, ClosedOnly, null, "throws ObjectDisposedException", "J9"),
            new ProtocolRule(DiagnosticIds.UseAfterClose, SocketApi.NetworkStream, SocketOperation.Send, ClosedOnly, null, "throws ObjectDisposedException", "J7"),
            new ProtocolRule(DiagnosticIds.UseAfterClose, SocketApi.NetworkStream, SocketOperation.Receive, ClosedOnly, null, "throws ObjectDisposedException", "J7"),

            // Listen on a datagram socket, bound or not: EOPNOTSUPP (A2, A3).
            new ProtocolRule(DiagnosticIds.ListenOnDatagramSocket, SocketApi.Socket, SocketOperation.Listen, SocketStates.Any, SocketTransport.Datagram, "throws SocketException (OperationNotSupported)", "A2, A3"),

            // Listen on an unbound TCP socket succeeds on an ephemeral port of every interface, then Accept throws;
            // on AF_UNIX Listen itself throws; on Windows listen fails with WSAEINVAL (A1, A7).
            new ProtocolRule(DiagnosticIds.ListenOnUnboundSocket, SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(Created), SocketTransport.Stream, "succeeds on an ephemeral port of every interface, and Accept then throws InvalidOperationException (on Unix sockets and Windows, Listen itself throws)", "A1, A7"),

            // Connect on a listener: InvalidOperationException, async too (C1). Listen on a connected socket: EINVAL (A5, A6).
            new ProtocolRule(DiagnosticIds.ConnectListenConflict, SocketApi.Socket, SocketOperation.Connect, SocketStates.Of(Listening), null, "throws InvalidOperationException", "C1"),
            new ProtocolRule(DiagnosticIds.ConnectListenConflict, SocketApi.Socket, SocketOperation.Listen, SocketStates.Of(Connected), SocketTransport.Stream, "throws SocketException (InvalidArgument)", "A5, A6"),

            // Accept on a socket that is not listening: InvalidOperationException, thrown synchronously by AcceptAsync too (B1–B6).
            new ProtocolRule(DiagnosticIds.AcceptOnNonListeningSocket, SocketApi.Socket, SocketOperation.Accept, SocketStates.Of(Created, Bound, Connected), null, "throws InvalidOperationException", "B1–B6"),

            // Data on an unconnected stream socket: EPIPE on send, ENOTCONN on receive (D1–D4); send after Shutdown(Send): EPIPE (H4).
            // AF_UNIX answers ENOTCONN and EINVAL instead; SendFile checks Connected itself and throws NotSupportedException (ground truth).
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Send, NotBoundOrConnected, SocketTransport.Stream, "throws SocketException (Shutdown, broken pipe); Unix sockets: throws SocketException (NotConnected); SendFile: throws NotSupportedException", "D1, D3"),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Receive, NotBoundOrConnected, SocketTransport.Stream, "throws SocketException (NotConnected); Unix sockets: throws SocketException (InvalidArgument)", "D2, D4"),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Send, SocketStates.Of(ShutdownSend, ShutdownBoth), SocketTransport.Stream, "throws SocketException (Shutdown, broken pipe); SendFile: throws NotSupportedException", "H4, H9"),
            // Datagram sockets without a default remote: Send has no destination (D5); nothing can reach an unbound one (D6, D10).
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Send, SocketStates.Of(Created, Bound), SocketTransport.Datagram, "throws SocketException (DestinationAddressRequired); Unix sockets: throws SocketException (NotConnected); SendFile: throws NotSupportedException", "D5"),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Receive, SocketStates.Of(Created), SocketTransport.Datagram, "blocks until its timeout: no datagram can reach an unbound socket", "D6"),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.ReceiveFrom, SocketStates.Of(Created), SocketTransport.Datagram, "throws InvalidOperationException", "D10"),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.UdpClient, SocketOperation.Send, SocketStates.Of(Created, Bound), null, "throws InvalidOperationException; SendAsync, BeginSend: throws SocketException (DestinationAddressRequired)", "J8"),
            // Shutdown on a socket that never connected, stream or datagram, bound or not: ENOTCONN (H1, H2). A listening
            // socket accepts it on Linux (H6) and a connected datagram socket too (H2): not entries. An AF_UNIX socket
            // accepts it unconnected too (ground truth).
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.ShutdownSend, SocketStates.Of(Created, Bound), null, "throws SocketException (NotConnected)", "H1, H2", exceptFamily: SocketFamily.Unix),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.ShutdownReceive, SocketStates.Of(Created, Bound), null, "throws SocketException (NotConnected)", "H1, H2", exceptFamily: SocketFamily.Unix),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.ShutdownBoth, SocketStates.Of(Created, Bound), null, "throws SocketException (NotConnected)", "H1, H2", exceptFamily: SocketFamily.Unix),
            new ProtocolRule(DiagnosticIds.SendReceiveOnUnconnectedSocket, SocketApi.Socket, SocketOperation.Shutdown, SocketStates.Of(Created, Bound), null, "throws SocketException (NotConnected)", "H1, H2", exceptFamily: SocketFamily.Unix),

            // Bind twice, after Listen (even an auto-binding one) or after Connect: EINVAL (E1–E5). The connecting side of
            // an AF_UNIX stream has no name, and Bind gives it one (ground truth): the entry cannot tell families apart.
            new ProtocolRule(DiagnosticIds.BindOnBoundSocket, SocketApi.Socket, SocketOperation.Bind, SocketStates.Of(Bound, Listening), null, "throws SocketException (InvalidArgument)", "E1, E2, E4, E5"),
            new ProtocolRule(DiagnosticIds.BindOnBoundSocket, SocketApi.Socket, SocketOperation.Bind, SocketStates.Of(Connected), SocketTransport.Stream, "throws SocketException (InvalidArgument)", "E3", exceptFamily: SocketFamily.Unix),

            // Options that only work before Bind (F1, F3, F4, J4). ReuseAddress after Bind throws nothing and cannot help this
            // socket's own Bind, but on Linux (SO_REUSEADDR + SO_REUSEPORT) it opens the bound port to later sockets (F2, ground truth).
            new ProtocolRule(DiagnosticIds.PreBindOptionTooLate, SocketApi.Socket, SocketOperation.SetPreBindOption, BoundOrBeyond, null, "throws SocketException (InvalidArgument); ExclusiveAddressUse: throws InvalidOperationException", "F1, F3, F4"),
            new ProtocolRule(DiagnosticIds.PreBindOptionTooLate, SocketApi.Socket, SocketOperation.SetReuseAddress, SocketStates.Of(Bound, Listening), null, "throws nothing, too late for its own Bind; on Linux it still makes the bound port shareable by a later socket that sets ReuseAddress", "F2, F10"),
            new ProtocolRule(DiagnosticIds.PreBindOptionTooLate, SocketApi.TcpListener, SocketOperation.SetPreBindOption, SocketStates.Of(Listening), null, "throws InvalidOperationException", "J4"),

            // TcpListener accept before Start or after Stop: InvalidOperationException, async ones throw synchronously (J1, J2).
            new ProtocolRule(DiagnosticIds.TcpListenerAcceptWhenNotStarted, SocketApi.TcpListener, SocketOperation.Accept, SocketStates.Of(Created), null, "throws InvalidOperationException (not listening)", "J1, J2"),

            // A stream over an unconnected socket (J5, J6).
            new ProtocolRule(DiagnosticIds.StreamOnUnconnectedSocket, SocketApi.TcpClient, SocketOperation.GetStream, SocketStates.Of(Created, Bound), null, "throws InvalidOperationException", "J5"),
            new ProtocolRule(DiagnosticIds.StreamOnUnconnectedSocket, SocketApi.Socket, SocketOperation.WrapInStream, NotBoundOrConnected, SocketTransport.Stream, "throws IOException", "J6"),
            new ProtocolRule(DiagnosticIds.StreamOnUnconnectedSocket, SocketApi.Socket, SocketOperation.WrapInStream, SocketStates.Of(Created, Bound), SocketTransport.Datagram, "throws IOException", "J6"));

        private static ProtocolRule AfterClose(SocketApi api, SocketOperation operation, string exceptions = "") =>
            new ProtocolRule(DiagnosticIds.UseAfterClose, api, operation, ClosedOnly, null, "throws ObjectDisposedException" + exceptions, "G1, G2");
    }
}
