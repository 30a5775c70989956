namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// "throws nothing, too late for its own Bind; on Linux it still makes the bound port shareable by a later socket
    /// that sets ReuseAddress": the call completes, the socket keeps its endpoint, and a second socket that sets
    /// ReuseAddress before its Bind can bind (and, for a listener, listen on) the same endpoint.
    /// </summary>
    internal sealed class LateReuseAddressClaim : OutcomeClaim
    {
        public LateReuseAddressClaim(string phrase)
            : base(phrase)
        {
        }
    }
}
