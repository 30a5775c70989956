using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Cancellation reaches the analyzers: the IDE cancels analysis on every keystroke, and a build cancels it on
    /// Ctrl+C. An analyzer that ignores the token keeps a core busy for nothing, and one that turns the cancellation
    /// into another exception shows up as AD0001.
    /// </summary>
    public sealed class CancellationTests
    {
        /// <summary>A hang guard, not a performance check: a prompt stop takes well under a second (see the test).</summary>
        private static readonly TimeSpan StopGuard = TimeSpan.FromSeconds(15);

        [Fact]
        public async Task AlreadyCancelledToken_StopsAnalysis_WithoutAnalyzerException()
        {
            var pass = AnalysisPass.Create(LargeInputs.Corpus(), concurrent: true);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass.Analysis.GetAnalyzerDiagnosticsAsync(cancelled.Token));

            Assert.True(pass.Exceptions.IsEmpty, string.Join("\n\n", pass.Exceptions));
        }

        [Fact]
        public async Task CancellingDuringAnalysisOfLargeCode_StopsPromptly()
        {
            // The 50,000-line file takes seconds to analyse (binding done first, so the time is the analyzers'), so a
            // cancellation after 300 ms lands in the middle of the analyzers' work: the run must end in
            // OperationCanceledException, not finish. Measured, it stops within 50 ms of the cancellation (the driver
            // looks at the token between callbacks; the flow engine at every block it visits). The bound is a guard
            // against an analyzer that loops without looking at its token, generous enough for a loaded CI machine:
            // what it catches is a stop that takes as long as the whole analysis, or never comes.
            var compilation = LargeInputs.LargeFile();
            _ = compilation.GetDiagnostics();
            var pass = AnalysisPass.Create(compilation, concurrent: true);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass.Analysis.GetAnalyzerDiagnosticsAsync(cancellation.Token));

            Assert.True(clock.Elapsed < StopGuard, $"Analysis stopped {clock.Elapsed.TotalSeconds:F1} s after it started, cancelled at 0.3 s.");
            Assert.True(pass.Exceptions.IsEmpty, string.Join("\n\n", pass.Exceptions));
        }
    }
}
