namespace SocketAnalyzers.Diagnostics
{
    /// <summary>Diagnostic categories: one per ID range.</summary>
    internal static class Categories
    {
        public const string Configuration = "SocketConfiguration";
        public const string Protocol = "SocketProtocol";
        public const string Lifetime = "SocketLifetime";
        public const string Performance = "SocketPerformance";
        public const string Reliability = "SocketReliability";
    }
}
