namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Where a tracked object comes from: decides its initial state and ownership.</summary>
    public enum SocketOriginKind
    {
        /// <summary><c>new Socket(…)</c>, <c>new TcpClient(…)</c>, …: known state, owned here.</summary>
        Creation,

        /// <summary>The result of Accept, AcceptSocket, AcceptTcpClient (sync or async): connected, owned here.</summary>
        Accepted,

        /// <summary>Returned by a method of this compilation whose summary is known.</summary>
        SummarizedCall,

        /// <summary>A parameter of the analysed method: unknown state, not owned.</summary>
        Parameter,

        /// <summary>A field or property of this object, or a static one: unknown state, not owned.</summary>
        Member,

        /// <summary>Returned by a method the analysis cannot see, or written through ref/out: unknown.</summary>
        UnknownCall,

        /// <summary>
        /// A parameter of a handler method whose every caller hands it a socket they own as their last use of it
        /// (<see cref="HandlerOwnership"/>): unknown state, owned here from entry.
        /// </summary>
        HandedParameter,

        /// <summary><c>TcpClient.Client</c>, <c>UdpClient.Client</c>, <c>TcpListener.Server</c>: owned by its wrapper.</summary>
        WrappedSocket,
    }
}
