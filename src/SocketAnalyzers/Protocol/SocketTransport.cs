namespace SocketAnalyzers.Protocol
{
    /// <summary>How a socket carries data: the <c>SocketType</c> axis of a socket's kind.</summary>
    public enum SocketTransport
    {
        /// <summary>Not known: the analysis never reports on what it does not know.</summary>
        Unknown = 0,

        /// <summary><c>SocketType.Stream</c>: TCP, or a Unix stream socket. Connection-oriented.</summary>
        Stream,

        /// <summary><c>SocketType.Dgram</c>: UDP, or a Unix datagram socket. No listen, no accept.</summary>
        Datagram,

        /// <summary><c>SocketType.Raw</c>.</summary>
        Raw,

        /// <summary><c>SocketType.Seqpacket</c>: connection-oriented with message boundaries (Unix).</summary>
        SeqPacket,
    }
}
