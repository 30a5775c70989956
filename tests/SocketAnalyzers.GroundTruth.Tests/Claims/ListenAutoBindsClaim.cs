namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// "succeeds on an ephemeral port of every interface, and Accept then throws X (on Unix sockets …, Listen itself
    /// throws)": on IP the call completes, the kernel binds the wildcard address on a non-zero port (a client can
    /// connect), and every member of <see cref="LaterOperation"/> then throws; on Unix sockets the call itself throws.
    /// </summary>
    internal sealed class ListenAutoBindsClaim : OutcomeClaim
    {
        public ListenAutoBindsClaim(string phrase, string laterOperation, ExpectedException laterException, bool throwsOnUnix)
            : base(phrase)
        {
            this.LaterOperation = laterOperation;
            this.LaterException = laterException;
            this.ThrowsOnUnix = throwsOnUnix;
        }

        /// <summary>The operation that fails afterwards ("Accept"), a <c>SocketOperation</c> name.</summary>
        public string LaterOperation { get; }

        public ExpectedException LaterException { get; }

        public bool ThrowsOnUnix { get; }
    }
}
