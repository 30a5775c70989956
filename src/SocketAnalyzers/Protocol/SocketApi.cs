namespace SocketAnalyzers.Protocol
{
    /// <summary>The .NET types whose instances follow the socket protocol.</summary>
    public enum SocketApi
    {
        /// <summary><c>System.Net.Sockets.Socket</c>.</summary>
        Socket,

        /// <summary><c>System.Net.Sockets.TcpListener</c>: owns a listening socket, restartable.</summary>
        TcpListener,

        /// <summary><c>System.Net.Sockets.TcpClient</c>: owns a stream socket and its NetworkStream.</summary>
        TcpClient,

        /// <summary><c>System.Net.Sockets.UdpClient</c>: owns a datagram socket.</summary>
        UdpClient,

        /// <summary><c>System.Net.Sockets.NetworkStream</c>: a Stream over a connected socket.</summary>
        NetworkStream,

        /// <summary>
        /// <c>System.Net.Dns</c>: not a socket and never in a protocol state; listed for its blocking name lookups,
        /// which precede a Connect.
        /// </summary>
        Dns,
    }
}
