using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Runs every analyzer of the package on a compilation the way the compiler and the IDE do, and records every
    /// exception an analyzer lets out (what users would see as AD0001) instead of failing on the first one.
    /// </summary>
    internal static class AnalyzerRunner
    {
        /// <summary>A guard against a hang, not a performance check: the corpus takes seconds.</summary>
        private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);

        public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference> references, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path)).ToArray();
            return CSharpCompilation.Create(
                "MetaCorpus",
                trees,
                references,
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        }

        /// <summary>
        /// Analyzes the whole compilation (as <c>dotnet build</c> does), then each document's syntax and the middle third
        /// of its semantics (as the IDE does while one edits). Returns the analyzer diagnostics of the whole-compilation pass.
        /// </summary>
        public static async Task<AnalyzerRun> RunAsync(Compilation compilation)
        {
            using var guard = new CancellationTokenSource(Guard);
            var failures = new ConcurrentQueue<string>();
            var analyzers = AnalyzerCatalog.CreateAnalyzers();

            var diagnostics = await With(compilation, analyzers, failures).GetAnalyzerDiagnosticsAsync(guard.Token);
            foreach (var tree in compilation.SyntaxTrees)
            {
                // A span that starts and ends mid-member, as when the IDE re-analyzes the part of a file being edited.
                var span = TextSpan.FromBounds(tree.Length / 3, 2 * tree.Length / 3);
                var perDocument = With(compilation, analyzers, failures);
                Record(await perDocument.GetAnalyzerSyntaxDiagnosticsAsync(tree, guard.Token), failures);
                Record(await perDocument.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span, guard.Token), failures);
            }

            Record(diagnostics, failures);
            return new AnalyzerRun(diagnostics, failures.Distinct(StringComparer.Ordinal).ToImmutableArray());
        }

        /// <summary>The analyzers on the compilation, each exception they let out queued in <paramref name="failures"/>.</summary>
        public static CompilationWithAnalyzers With(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ConcurrentQueue<string> failures, bool concurrent = true) =>
            compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (exception, analyzer, _) => failures.Enqueue(analyzer.GetType().Name + ": " + exception),
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: false));

        /// <summary>AD0001 (analyzer threw) and AD0002 (analyzer reported an unsupported or misplaced diagnostic).</summary>
        private static void Record(ImmutableArray<Diagnostic> diagnostics, ConcurrentQueue<string> failures)
        {
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id.StartsWith("AD", StringComparison.Ordinal))
                {
                    failures.Enqueue(diagnostic.ToString());
                }
            }
        }
    }
}
