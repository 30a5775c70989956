namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// "blocks until its timeout…": a synchronous call ends only with SocketError.TimedOut after ReceiveTimeout;
    /// an asynchronous one is still pending when the observation window closes.
    /// </summary>
    internal sealed class BlocksClaim : OutcomeClaim
    {
        public BlocksClaim(string phrase)
            : base(phrase)
        {
        }
    }
}
