namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>What a method of a socket owner does to the sockets it holds (<see cref="SocketOwningTypes.UseOf"/>).</summary>
    internal enum MemberUse
    {
        /// <summary>It may close, replace or hand on a socket, or hand out <c>this</c>: a call is unknown code.</summary>
        Unknown,

        /// <summary>It only reads or tests the sockets (and what they hand out): the owner keeps them.</summary>
        Uses,

        /// <summary>As <see cref="Uses"/>, and an operation that can fail from outside (Connect, Send, a read) may throw out of it.</summary>
        UsesNetwork,

        /// <summary>
        /// A statement of its body stores a new socket in an owning member (<c>client = new TcpClient()</c> in a
        /// <c>Connect()</c>), otherwise it only uses them: the object owns a socket from then on.
        /// </summary>
        Acquires,

        /// <summary>As <see cref="Acquires"/>, and network I/O after the store may throw: the exception leaves with it owned.</summary>
        AcquiresNetwork,
    }
}
