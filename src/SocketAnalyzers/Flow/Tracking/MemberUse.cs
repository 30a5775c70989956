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
    }
}
