namespace SocketAnalyzers.Scale
{
    /// <summary>An exception thrown by an analyzer (what AD0001 reports), with its stack.</summary>
    internal sealed record AnalyzerCrash(string Analyzer, string Exception);
}
