namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>"completes": the code runs to its end without an exception (used for the pages' fixed examples).</summary>
    internal sealed class CompletesClaim : OutcomeClaim
    {
        public CompletesClaim(string phrase)
            : base(phrase)
        {
        }
    }
}
