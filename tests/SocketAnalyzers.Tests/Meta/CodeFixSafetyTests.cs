using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketAnalyzers.Tests.Fuzz;
using Xunit.Abstractions;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// A fix must not trade one warning for another: every code fix, applied to the diagnostics the analyzers report on
    /// the repository's samples (test sources, rule pages, samples, corpora: <see cref="SampleHarvester"/>), makes no new
    /// protocol (SOCK1xx) or escaping-socket (SOCK205) diagnostic, and removes the diagnostic it fixes without raising
    /// one of the same ID elsewhere. (An AddUsing on a client whose stream is returned once produced code that threw
    /// ObjectDisposedException, and SOCK205 reported the fix's own output.) Sampled to stay within CI time: every
    /// <see cref="Stride"/>-th sample, at most <see cref="PerFixAndSample"/> diagnostics per fix and sample.
    /// </summary>
    public sealed class CodeFixSafetyTests
    {
        /// <summary>One sample in this many is analysed (<c>SOCKETANALYZERS_META_FULL=1</c>: all of them).</summary>
        private const int Stride = 3;

        private const int PerFixAndSample = 2;

        private readonly ITestOutputHelper output;

        public CodeFixSafetyTests(ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task EveryFix_RaisesNoNewProtocolOrEscapeDiagnostic()
        {
            var full = Environment.GetEnvironmentVariable("SOCKETANALYZERS_META_FULL") == "1";
            var samples = SampleHarvester.Samples
                .Where(sample => sample.Text.Length <= SampleHarvester.MaxFuzzedLength
                    && !sample.Origin.StartsWith("generated/", StringComparison.Ordinal)
                    && !sample.Origin.StartsWith("pathological/", StringComparison.Ordinal)
                    && !sample.Origin.StartsWith("RobustnessCorpus.", StringComparison.Ordinal))
                .Where((_, index) => full || index % Stride == 0)
                .ToList();
            var fixes = AnalyzerCatalog.CreateCodeFixes();
            var failures = new ConcurrentQueue<string>();
            var applied = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(samples, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (sample, token) =>
            {
                using var workspace = new AdhocWorkspace();
                var document = CodeFixRunner.CreateDocument(workspace, "Sample.cs", sample.Text, OutputKind.DynamicallyLinkedLibrary);
                var before = await DiagnosticsAsync(document, token);
                foreach (var fix in fixes)
                {
                    foreach (var diagnostic in before.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).Take(PerFixAndSample))
                    {
                        foreach (var action in await CodeFixRunner.RegisterAsync(fix, document, diagnostic, token))
                        {
                            var solution = await CodeFixRunner.ApplyAsync(action, token);
                            var after = await DiagnosticsAsync(solution.GetDocument(document.Id)!, token);
                            applied.AddOrUpdate(fix.GetType().Name, 1, (_, count) => count + 1);
                            if (NewDiagnostics(before, after, diagnostic.Id) is { Length: > 0 } added)
                            {
                                failures.Enqueue($"{fix.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} of {sample.Origin}: {added}");
                            }
                        }
                    }
                }
            });

            this.output.WriteLine($"{samples.Count} samples; fixes applied: " + string.Join(", ", applied.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
            Assert.True(applied.Count > 0, "No fix was applied: the sample found no fixable diagnostic.");
            Assert.True(failures.IsEmpty, string.Join("\n", failures.OrderBy(f => f, StringComparer.Ordinal)));
        }

        /// <summary>What the fix added: a protocol or SOCK205 diagnostic more than before, or the fixed ID not fewer.</summary>
        private static string NewDiagnostics(ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after, string fixedId)
        {
            var counted = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var diagnostic in before)
            {
                counted[diagnostic.Id] = counted.GetValueOrDefault(diagnostic.Id) - 1;
            }

            foreach (var diagnostic in after)
            {
                counted[diagnostic.Id] = counted.GetValueOrDefault(diagnostic.Id) + 1;
            }

            var added = new List<string>();
            foreach (var (id, delta) in counted)
            {
                if (id == fixedId ? delta >= 0 : delta > 0 && (id.StartsWith("SOCK1", StringComparison.Ordinal) || id == "SOCK205"))
                {
                    added.AddRange(after.Where(d => d.Id == id).Select(d => $"{d.Id} {d.GetMessage()} at {d.Location.GetLineSpan().StartLinePosition}"));
                }
            }

            return string.Join("; ", added);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, CancellationToken token)
        {
            var compilation = (await document.Project.GetCompilationAsync(token))!;
            var failures = new ConcurrentQueue<string>();
            return await AnalyzerRunner.With(compilation, AnalyzerCatalog.CreateAnalyzers(), failures).GetAnalyzerDiagnosticsAsync(token);
        }
    }
}
