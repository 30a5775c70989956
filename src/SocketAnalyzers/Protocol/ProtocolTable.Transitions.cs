using System.Collections.Immutable;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Protocol
{
    /// <summary>The edges of the state machine. A state without an edge for an operation keeps its state.</summary>
    public static partial class ProtocolTable
    {
        public static ImmutableArray<ProtocolTransition> Transitions { get; } = ImmutableArray.Create(
            // Socket.
            Edge(SocketApi.Socket, SocketOperation.Bind, Created, Bound),
            Edge(SocketApi.Socket, SocketOperation.Listen, Created, Listening),
            Edge(SocketApi.Socket, SocketOperation.Listen, Bound, Listening),
            // Connect binds implicitly (E11).
            Edge(SocketApi.Socket, SocketOperation.Connect, Created, Connected),
            Edge(SocketApi.Socket, SocketOperation.Connect, Bound, Connected),
            // SendTo on an unbound datagram socket binds it implicitly (D11).
            Edge(SocketApi.Socket, SocketOperation.SendTo, Created, Bound, SocketTransport.Datagram),
            Edge(SocketApi.Socket, SocketOperation.ShutdownSend, Connected, ShutdownSend),
            Edge(SocketApi.Socket, SocketOperation.ShutdownSend, ShutdownReceive, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.ShutdownReceive, Connected, ShutdownReceive),
            Edge(SocketApi.Socket, SocketOperation.ShutdownReceive, ShutdownSend, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.ShutdownBoth, Connected, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.ShutdownBoth, ShutdownSend, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.ShutdownBoth, ShutdownReceive, ShutdownBoth),
            // Shutdown(how) with an unknown `how`: any of the three.
            Edge(SocketApi.Socket, SocketOperation.Shutdown, Connected, ShutdownSend),
            Edge(SocketApi.Socket, SocketOperation.Shutdown, Connected, ShutdownReceive),
            Edge(SocketApi.Socket, SocketOperation.Shutdown, Connected, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Shutdown, ShutdownSend, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Shutdown, ShutdownReceive, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Disconnect, Connected, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Disconnect, ShutdownSend, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Disconnect, ShutdownReceive, ShutdownBoth),
            Edge(SocketApi.Socket, SocketOperation.Close, Created, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, Bound, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, Listening, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, Connected, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, ShutdownSend, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, ShutdownReceive, Closed),
            Edge(SocketApi.Socket, SocketOperation.Close, ShutdownBoth, Closed),

            // TcpListener: Start and Stop, and Dispose stops it; it can start again (J3).
            Edge(SocketApi.TcpListener, SocketOperation.Start, Created, Listening),
            Edge(SocketApi.TcpListener, SocketOperation.Stop, Listening, Created),
            Edge(SocketApi.TcpListener, SocketOperation.Close, Listening, Created),

            // TcpClient.
            Edge(SocketApi.TcpClient, SocketOperation.Connect, Created, Connected),
            Edge(SocketApi.TcpClient, SocketOperation.Connect, Bound, Connected),
            Edge(SocketApi.TcpClient, SocketOperation.Close, Created, Closed),
            Edge(SocketApi.TcpClient, SocketOperation.Close, Bound, Closed),
            Edge(SocketApi.TcpClient, SocketOperation.Close, Connected, Closed),

            // UdpClient.
            Edge(SocketApi.UdpClient, SocketOperation.Connect, Created, Connected),
            Edge(SocketApi.UdpClient, SocketOperation.Connect, Bound, Connected),
            Edge(SocketApi.UdpClient, SocketOperation.SendTo, Created, Bound),
            Edge(SocketApi.UdpClient, SocketOperation.Close, Created, Closed),
            Edge(SocketApi.UdpClient, SocketOperation.Close, Bound, Closed),
            Edge(SocketApi.UdpClient, SocketOperation.Close, Connected, Closed),

            // NetworkStream: exists only over a connected socket.
            Edge(SocketApi.NetworkStream, SocketOperation.Close, Connected, Closed));

        private static ProtocolTransition Edge(SocketApi api, SocketOperation operation, SocketState from, SocketState to, SocketTransport? transport = null) =>
            new ProtocolTransition(api, operation, from, to, transport);
    }
}
