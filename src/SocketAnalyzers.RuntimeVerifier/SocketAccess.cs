using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>One recorded call on a socket: where, which operation, on which managed thread.</summary>
    public readonly record struct SocketAccess(CallSite Site, SocketOperation Operation, int ThreadId)
    {
        public override string ToString() => this.Site.Api + "." + this.Site.Member + " at " + this.Site + " (thread " + this.ThreadId + ")";
    }
}
