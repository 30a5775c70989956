namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// One protocol state of a socket-like object. The lifecycle only moves forward
    /// (created → bound → listening | connected → shut down → closed), except that a
    /// <c>TcpListener</c> is restartable (Stop returns it to <see cref="Created"/>).
    /// </summary>
    public enum SocketState
    {
        /// <summary>Constructed, neither bound nor connected. A TcpListener that is not started.</summary>
        Created = 0,

        /// <summary>Bound to a local endpoint, not listening, not connected.</summary>
        Bound = 1,

        /// <summary>Listening for connections (after <c>Listen</c>, or <c>TcpListener.Start</c>).</summary>
        Listening = 2,

        /// <summary>Connected (a stream socket with a peer, or a datagram socket with a default remote).</summary>
        Connected = 3,

        /// <summary>Connected, send side shut down: sends fail with a broken pipe.</summary>
        ShutdownSend = 4,

        /// <summary>Connected, receive side shut down.</summary>
        ShutdownReceive = 5,

        /// <summary>Both directions shut down, or disconnected.</summary>
        ShutdownBoth = 6,

        /// <summary>Closed or disposed: every operation throws <c>ObjectDisposedException</c>.</summary>
        Closed = 7,
    }
}
