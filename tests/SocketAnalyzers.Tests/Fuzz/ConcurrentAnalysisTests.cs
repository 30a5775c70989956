using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Every analyzer enables concurrent execution, so the compiler may run its callbacks on many threads at once; the
    /// diagnostics must not depend on that. A rule that kept state between callbacks, or depended on their order,
    /// would report differently (or not at all) in a concurrent build than in a sequential one.
    /// </summary>
    public sealed class ConcurrentAnalysisTests
    {
        /// <summary>Concurrent runs are repeated: a race shows up in some interleavings only.</summary>
        private const int ConcurrentRuns = 2;

        [Fact]
        public async Task ConcurrentAnalysis_ReportsExactlyWhatSequentialAnalysisReports()
        {
            var compilation = LargeInputs.Corpus();
            var sequential = await AnalysisPass.RenderedDiagnosticsAsync(compilation, concurrent: false);
            Assert.True(sequential.Length >= 50, $"The corpus gave only {sequential.Length} diagnostics: too little to compare.");

            for (var run = 1; run <= ConcurrentRuns; run++)
            {
                var concurrent = await AnalysisPass.RenderedDiagnosticsAsync(compilation, concurrent: true);
                Assert.True(sequential.SequenceEqual(concurrent), $"Concurrent run {run} differs from the sequential run:\n" + Diff(sequential, concurrent));
            }
        }

        private static string Diff(ImmutableArray<string> sequential, ImmutableArray<string> concurrent) =>
            string.Join("\n", sequential.Except(concurrent).Select(line => "- only sequential: " + line)
                .Concat(concurrent.Except(sequential).Select(line => "+ only concurrent: " + line))
                .DefaultIfEmpty($"(same lines, different counts: {sequential.Length} sequential, {concurrent.Length} concurrent)"));
    }
}
