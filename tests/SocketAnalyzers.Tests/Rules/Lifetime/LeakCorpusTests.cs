using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Rules.Lifetime;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// The leak corpus of docs/precision.md (benchmarks/corpus/leaks) as a regression test: every SOCK20x finding sits on
    /// a line marked for its ID, and every marker is found except the misses listed here (each with its reason).
    /// The full comparison with other tools is the precision runner's job.
    /// </summary>
    public sealed class LeakCorpusTests
    {
        /// <summary>Known misses, "file:line ID" (docs/precision.md, "Our misses").</summary>
        private static readonly string[] KnownMisses =
        {
            // ConcurrentDictionary.TryAdd may fail: an argument of an unknown method counts as handed off.
            "ConnectionPools.cs:33 SOCK203",
        };

        private static readonly Regex Marker = new(@"//\s*expect:\s*(?<ids>SOCK\d+(\s*,\s*SOCK\d+)*)", RegexOptions.CultureInvariant);

        [Fact]
        public async Task FindingsMatchTheMarkers()
        {
            var folder = Path.Combine(RepositoryPaths.Root, "benchmarks", "corpus", "leaks");
            var trees = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), Path.GetFileName(f)))
                .ToImmutableArray();
            var compilation = CSharpCompilation.Create(
                "LeakCorpus",
                trees,
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SocketFlowAnalyzer(), new SocketFieldDisposalAnalyzer());
            var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

            var found = diagnostics
                .Select(d => d.Location.GetLineSpan())
                .Zip(diagnostics, (span, d) => $"{span.Path}:{span.StartLinePosition.Line + 1} {d.Id}")
                .ToHashSet(StringComparer.Ordinal);
            var expected = trees
                .SelectMany(tree => tree.GetText().Lines.SelectMany(line => Marker.Matches(line.ToString())
                    .SelectMany(match => match.Groups["ids"].Value.Split(',').Select(id => $"{tree.FilePath}:{line.LineNumber + 1} {id.Trim()}"))))
                .ToHashSet(StringComparer.Ordinal);

            // SOCK204 is also expected on other lines (labels); the corpus puts its primary marker on the field.
            Assert.Empty(found.Except(expected).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(KnownMisses.OrderBy(s => s, StringComparer.Ordinal), expected.Except(found).OrderBy(s => s, StringComparer.Ordinal));
        }
    }
}
