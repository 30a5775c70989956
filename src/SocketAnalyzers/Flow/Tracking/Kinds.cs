using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>The kind an object of each API has before anything else is known about it.</summary>
    internal static class Kinds
    {
        public static SocketKind Of(SocketApi api) => api switch
        {
            // TcpListener, TcpClient and NetworkStream only ever wrap stream sockets; UdpClient a datagram one.
            SocketApi.TcpListener or SocketApi.TcpClient or SocketApi.NetworkStream => new SocketKind(SocketTransport.Stream, SocketFamily.Unknown),
            SocketApi.UdpClient => new SocketKind(SocketTransport.Datagram, SocketFamily.Unknown),
            _ => SocketKind.Unknown,
        };
    }
}
