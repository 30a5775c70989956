using System.Collections.Generic;

namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// Option properties whose setter calls setsockopt (or ioctl) on the socket underneath: they change no protocol
    /// state (NoDelay, LingerState, buffer sizes and timeouts work in every state, F5, F6, F13) but they can fail — a
    /// TCP option on a datagram socket (F15), an out-of-range value (F18), a socket closed underneath (G1) — so they
    /// are throw points of the socket they are set on.
    /// </summary>
    public static partial class ProtocolApiMap
    {
        private static readonly HashSet<(SocketApi, string)> OptionSetters = new HashSet<(SocketApi, string)>
        {
            (SocketApi.Socket, "NoDelay"), (SocketApi.Socket, "LingerState"), (SocketApi.Socket, "ReceiveTimeout"),
            (SocketApi.Socket, "SendTimeout"), (SocketApi.Socket, "ReceiveBufferSize"), (SocketApi.Socket, "SendBufferSize"),
            (SocketApi.Socket, "Ttl"), (SocketApi.Socket, "DontFragment"), (SocketApi.Socket, "EnableBroadcast"),
            (SocketApi.Socket, "MulticastLoopback"), (SocketApi.Socket, "Blocking"),
            (SocketApi.TcpClient, "NoDelay"), (SocketApi.TcpClient, "LingerState"), (SocketApi.TcpClient, "ReceiveTimeout"),
            (SocketApi.TcpClient, "SendTimeout"), (SocketApi.TcpClient, "ReceiveBufferSize"), (SocketApi.TcpClient, "SendBufferSize"),
            (SocketApi.UdpClient, "Ttl"), (SocketApi.UdpClient, "DontFragment"), (SocketApi.UdpClient, "EnableBroadcast"),
            (SocketApi.UdpClient, "MulticastLoopback"),
            (SocketApi.NetworkStream, "ReadTimeout"), (SocketApi.NetworkStream, "WriteTimeout"),
        };

        /// <summary>Setting <paramref name="name"/> on <paramref name="api"/> calls into the socket and may throw.</summary>
        public static bool IsSocketOptionSetter(SocketApi api, string name) => OptionSetters.Contains((api, name));
    }
}
