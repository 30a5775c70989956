using System;
using System.Globalization;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// The verifier's settings. Read once at start-up from the app's runtimeconfig.json (the package's build props
    /// turn MSBuild properties into <c>RuntimeHostConfigurationOption</c> items), falling back to environment
    /// variables, so that no code changes are needed; <see cref="SocketVerifier.Configure"/> replaces them in code.
    /// </summary>
    public sealed record VerifierOptions
    {
        public const string ModeKey = "SocketAnalyzers.RuntimeVerifier.Mode";
        public const string LeakDetectionKey = "SocketAnalyzers.RuntimeVerifier.LeakDetection";
        public const string LeakSampleIntervalKey = "SocketAnalyzers.RuntimeVerifier.LeakSampleInterval";
        public const string HistoryLengthKey = "SocketAnalyzers.RuntimeVerifier.HistoryLength";
        public const string ModeVariable = "SOCKETANALYZERS_VERIFIER_MODE";
        public const string LeakDetectionVariable = "SOCKETANALYZERS_VERIFIER_LEAKS";
        public const string LeakSampleIntervalVariable = "SOCKETANALYZERS_VERIFIER_LEAK_SAMPLE_INTERVAL";
        public const string HistoryLengthVariable = "SOCKETANALYZERS_VERIFIER_HISTORY";

        public ReportMode Mode { get; init; } = ReportMode.Log;

        public LeakDetectionLevel LeakDetection { get; init; } = LeakDetectionLevel.Sampled;

        /// <summary>At <see cref="LeakDetectionLevel.Sampled"/>, one socket in this many is watched (see docs/performance.md).</summary>
        public int LeakSampleInterval { get; init; } = 16;

        /// <summary>How many recent calls each socket remembers for reports.</summary>
        public int HistoryLength { get; init; } = 8;

        /// <summary>The settings from runtimeconfig.json, then environment variables, then the defaults.</summary>
        public static VerifierOptions FromEnvironment()
        {
            var defaults = new VerifierOptions();
            return new VerifierOptions
            {
                Mode = ParseEnum(Read(ModeKey, ModeVariable), defaults.Mode),
                LeakDetection = ParseEnum(Read(LeakDetectionKey, LeakDetectionVariable), defaults.LeakDetection),
                LeakSampleInterval = ParsePositive(Read(LeakSampleIntervalKey, LeakSampleIntervalVariable), defaults.LeakSampleInterval),
                HistoryLength = ParsePositive(Read(HistoryLengthKey, HistoryLengthVariable), defaults.HistoryLength),
            };
        }

        private static string? Read(string key, string variable)
        {
            var value = AppContext.GetData(key) switch
            {
                string text => text,
                bool flag => flag ? "true" : "false",
                int number => number.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(variable) : value;
        }

        // A bad value keeps the default rather than failing the program the verifier watches.
        private static T ParseEnum<T>(string? value, T fallback)
            where T : struct, Enum =>
            value is not null && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : fallback;

        private static int ParsePositive(string? value, int fallback) =>
            int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : fallback;
    }
}
