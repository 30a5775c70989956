using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.CorpusGenerator;
using SocketAnalyzers.CorpusGenerator.Writing;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Corpus
{
    /// <summary>
    /// Runs every analyzer of the package on generated corpora: none may throw, and what they report must be exactly
    /// the mistakes the generator seeded — one diagnostic per seeded mistake, of its kind, and nothing on the correct
    /// code around it. Counts come from the generator's own record of what it seeded, never from this file.
    /// </summary>
    public sealed class SeededMistakeTests
    {
        [Fact]
        public async Task CorpusAtTheRealisticMistakeRate_ReportsExactlyTheSeededMistakes()
        {
            var plan = new CorpusPlan(20_000, seed: 1);
            var run = await RunAnalyzersAsync(plan);

            Assert.True(run.Failures.IsEmpty, string.Join("\n\n", run.Failures));
            Assert.True(plan.SeededMistakes.Distinct().Count() >= 3, "A 20,000-line corpus should seed several kinds of mistake.");
            Assert.Equal(CountByKind(plan.SeededMistakes), CountByKind(SocketIds(run.Diagnostics)));
        }

        [Fact]
        public async Task CorpusDenseWithMistakes_ReportsEveryKindTheGeneratorCanSeed()
        {
            // One mistake every ~3 socket methods instead of ~28: every kind occurs several times in 20,000 lines.
            var plan = new CorpusPlan(20_000, seed: 2, mistakeGap: 3);
            var run = await RunAnalyzersAsync(plan);

            Assert.True(run.Failures.IsEmpty, string.Join("\n\n", run.Failures));
            Assert.Equal(SocketCorpus.SeededMistakeRuleIds.OrderBy(id => id, StringComparer.Ordinal), CountByKind(plan.SeededMistakes).Keys);
            Assert.Equal(CountByKind(plan.SeededMistakes), CountByKind(SocketIds(run.Diagnostics)));
        }

        [Fact]
        public void SeededMistakeRuleIds_AreRulesOfThePackage()
        {
            Assert.All(SocketCorpus.SeededMistakeRuleIds, id => Assert.Contains(id, AnalyzerCatalog.SupportedIds));
        }

        private static async Task<AnalyzerRun> RunAnalyzersAsync(CorpusPlan plan)
        {
            var compilation = CorpusCompilation.Compile(plan.Build());
            var errors = CorpusCompilation.Diagnostics(compilation, DiagnosticSeverity.Error);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
            return await AnalyzerRunner.RunAsync(compilation);
        }

        private static IEnumerable<string> SocketIds(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Select(diagnostic => diagnostic.Id)
            .Where(id => id.StartsWith("SOCK", StringComparison.Ordinal));

        private static SortedDictionary<string, int> CountByKind(IEnumerable<string> ids) =>
            new(ids.GroupBy(id => id).ToDictionary(group => group.Key, group => group.Count()), StringComparer.Ordinal);
    }
}
