using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// How much the fuzz test runs. By default (CI) a fixed list of seeds within a time budget, so every run tries the
    /// same cases in the same order. <c>SOCKETANALYZERS_FUZZ_SECONDS=n</c> runs random seeds (from a printed base) for
    /// n seconds; <c>SOCKETANALYZERS_FUZZ_SEED=n</c> runs that one case, to reproduce a failure.
    /// </summary>
    internal sealed record FuzzSettings(string Mode, IEnumerable<int> Seeds, TimeSpan Budget, int MinimumCases)
    {
        /// <summary>
        /// CI: seeds 1..<see cref="CiCases"/>, stopped early if the budget is spent (a slow or busy machine), and never
        /// fewer than <see cref="CiMinimumCases"/>, so the test cannot pass by running nothing.
        /// </summary>
        public const int CiCases = 1500;

        public const int CiMinimumCases = 50;

        public static readonly TimeSpan CiBudget = TimeSpan.FromSeconds(45);

        public static FuzzSettings FromEnvironment()
        {
            if (Number("SOCKETANALYZERS_FUZZ_SEED") is { } seed)
            {
                return new FuzzSettings($"one case, seed {seed}", new[] { seed }, TimeSpan.MaxValue, 1);
            }

            if (Number("SOCKETANALYZERS_FUZZ_SECONDS") is { } seconds)
            {
                // Positive seeds from a base printed in the report: any failing seed is printed with its case anyway.
                var first = Environment.TickCount & 0x3FFFFFFF;
                return new FuzzSettings(
                    $"long run, {seconds} s, random seeds from {first}",
                    Enumerable.Range(0, int.MaxValue).Select(i => (first + i) & int.MaxValue),
                    TimeSpan.FromSeconds(seconds),
                    1);
            }

            return new FuzzSettings($"CI, seeds 1..{CiCases} within {CiBudget.TotalSeconds} s", Enumerable.Range(1, CiCases), CiBudget, CiMinimumCases);
        }

        private static int? Number(string variable) =>
            int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
