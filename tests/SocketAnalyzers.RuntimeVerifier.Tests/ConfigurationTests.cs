using System;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>Settings without code changes: runtimeconfig.json options first, environment variables as the fallback.</summary>
    public sealed class ConfigurationTests
    {
        [Fact]
        public void RuntimeConfigOption_SetsTheMode()
        {
            AppContext.SetData(VerifierOptions.ModeKey, "throw");
            AppContext.SetData(VerifierOptions.LeakDetectionKey, "full");
            try
            {
                var options = VerifierOptions.FromEnvironment();

                Assert.Equal(ReportMode.Throw, options.Mode);
                Assert.Equal(LeakDetectionLevel.Full, options.LeakDetection);
            }
            finally
            {
                AppContext.SetData(VerifierOptions.ModeKey, null);
                AppContext.SetData(VerifierOptions.LeakDetectionKey, null);
            }
        }

        [Fact]
        public void EnvironmentVariable_IsTheFallback()
        {
            Environment.SetEnvironmentVariable(VerifierOptions.ModeVariable, "Callback");
            Environment.SetEnvironmentVariable(VerifierOptions.LeakSampleIntervalVariable, "4");
            try
            {
                var options = VerifierOptions.FromEnvironment();

                Assert.Equal(ReportMode.Callback, options.Mode);
                Assert.Equal(4, options.LeakSampleInterval);
            }
            finally
            {
                Environment.SetEnvironmentVariable(VerifierOptions.ModeVariable, null);
                Environment.SetEnvironmentVariable(VerifierOptions.LeakSampleIntervalVariable, null);
            }
        }

        [Fact]
        public void BadValues_KeepTheDefaults()
        {
            Environment.SetEnvironmentVariable(VerifierOptions.ModeVariable, "loud");
            Environment.SetEnvironmentVariable(VerifierOptions.HistoryLengthVariable, "-3");
            try
            {
                Assert.Equal(new VerifierOptions(), VerifierOptions.FromEnvironment());
            }
            finally
            {
                Environment.SetEnvironmentVariable(VerifierOptions.ModeVariable, null);
                Environment.SetEnvironmentVariable(VerifierOptions.HistoryLengthVariable, null);
            }
        }
    }
}
