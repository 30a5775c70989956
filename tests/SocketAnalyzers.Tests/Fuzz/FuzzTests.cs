using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Mutated samples (tokens and lines deleted or duplicated, files cut short, half-typed member accesses, braces
    /// dropped or added) run through every analyzer and every code fix: no analyzer may throw (AD0001) or report out
    /// of place (AD0002), and every offered fix and FixAll must compute its edit without throwing. How many cases run
    /// and how to run more or reproduce one: see Fuzz/README.md.
    /// </summary>
    public sealed class FuzzTests
    {
        private readonly ITestOutputHelper output;

        public FuzzTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task MutatedSamples_SurviveEveryAnalyzerAndFix()
        {
            var settings = FuzzSettings.FromEnvironment();
            var samples = SampleHarvester.Fuzzable;
            var clock = Stopwatch.StartNew();
            var failed = new List<string>();
            int cases = 0, diagnostics = 0, actions = 0, fixAlls = 0;
            (TimeSpan Time, string Case) slowest = (TimeSpan.Zero, "none");
            foreach (var seed in settings.Seeds)
            {
                if (clock.Elapsed >= settings.Budget)
                {
                    break;
                }

                var fuzzCase = Mutator.Create(seed, samples);
                var started = clock.Elapsed;
                var outcome = await FuzzRunner.RunAsync(fuzzCase);
                if (clock.Elapsed - started is var took && took > slowest.Time)
                {
                    slowest = (took, $"seed {seed}, {fuzzCase.Sample.Origin}");
                }

                cases++;
                diagnostics += outcome.Diagnostics;
                actions += outcome.ActionsApplied;
                fixAlls += outcome.FixAllsApplied;
                if (!outcome.Failures.IsEmpty)
                {
                    var file = FuzzFailureLog.Write(fuzzCase, outcome);
                    failed.Add($"{fuzzCase.Describe()}\n(written to {file})\n{string.Join("\n\n", outcome.Failures)}");
                }
            }

            var summary = $"Fuzz ({settings.Mode}): {cases} cases from {samples.Length} samples in {clock.Elapsed.TotalSeconds:F1} s; "
                + $"{diagnostics} diagnostics, {actions} fix actions and {fixAlls} FixAlls applied; {failed.Count} failing case(s). "
                + $"Slowest: {slowest.Case}, {slowest.Time.TotalSeconds:F1} s.";
            output.WriteLine(summary);
            Assert.True(failed.Count == 0, summary + "\n\n" + string.Join("\n\n==========\n\n", failed.Take(5)));
            Assert.True(cases >= settings.MinimumCases, $"{summary} At least {settings.MinimumCases} cases must run: the budget is too small for this machine.");
        }
    }
}
