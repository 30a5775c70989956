namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>The verifier configurations the benchmarks compare.</summary>
    internal static class VerifierSettings
    {
        public static void Disabled() => SocketVerifier.Configure(new VerifierOptions { Mode = ReportMode.Off });

        public static void Enabled(LeakDetectionLevel leaks) =>
            SocketVerifier.Configure(new VerifierOptions { Mode = ReportMode.Log, LeakDetection = leaks });
    }
}
