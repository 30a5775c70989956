using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.CorpusGenerator;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Collects every C# sample the repository holds, at test time, so a new test or rule page feeds the fuzzer
    /// without registering it: the source strings of the tests (markup stripped), the <c>csharp</c> blocks of the rule
    /// pages, the benchmark corpus, the samples, the quiet code, the hand-made robustness corpus, a generated corpus
    /// and the pathological inputs. The order is stable (ordinal by path, then position; the generator is
    /// deterministic), so a seed picks the same sample on every machine.
    /// </summary>
    internal static class SampleHarvester
    {
        private static readonly Regex CSharpBlock = new(@"^```csharp[^\n]*\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private static readonly string[] CompilationUnitMarkers = { "class ", "struct ", "record ", "interface ", "namespace ", "using System" };

        private static readonly Lazy<ImmutableArray<Sample>> LazySamples = new(Harvest);

        /// <summary>
        /// Past this size a sample is a performance input: one mutated copy would take seconds of the fuzz budget, so
        /// the fuzzer leaves it to the robustness and scale tests, which run it unmutated.
        /// </summary>
        public const int MaxFuzzedLength = 20_000;

        /// <summary>
        /// The robustness corpus's generated performance cases, small in text but seconds to analyse (the flow engine
        /// on thirty nested loops): left out of the fuzz pool for the same reason as large samples.
        /// </summary>
        public static readonly ImmutableArray<string> PerformanceCases = ImmutableArray.Create(
            "RobustnessCorpus.LargeMethod3000Statements",
            "RobustnessCorpus.ThirtyNestedLoops",
            "RobustnessCorpus.ClassWith400Methods",
            "RobustnessCorpus.TwoHundredNestedBlocks",
            "RobustnessCorpus.LongExpressionChains");

        /// <summary>The size of the generated corpus the fuzzer draws files from (seed 1): some hundred files.</summary>
        public const int GeneratedLines = 10_000;

        public static ImmutableArray<Sample> Samples => LazySamples.Value;

        /// <summary>The samples the fuzzer mutates: all but the performance inputs.</summary>
        public static ImmutableArray<Sample> Fuzzable => Samples
            .Where(sample => sample.Text.Length <= MaxFuzzedLength && !PerformanceCases.Contains(sample.Origin))
            .ToImmutableArray();

        private static ImmutableArray<Sample> Harvest()
        {
            var all = TestLiterals()
                .Concat(RulePageBlocks())
                .Concat(WholeFiles(Path.Combine("tests", "SocketAnalyzers.Tests", "Meta", "QuietCode")))
                .Concat(WholeFiles(Path.Combine("benchmarks", "corpus")))
                .Concat(WholeFiles("samples"))
                .Concat(RobustnessCorpus.Cases.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new Sample("RobustnessCorpus." + c.Key, c.Value)))
                .Concat(SocketCorpus.Generate(GeneratedLines).Select(file => new Sample("generated/" + file.Path, file.Text)))
                .Concat(PathologicalInputs.Create().SelectMany(input => input.Files.Select(file => new Sample($"pathological/{input.Name}/{file.Path}", file.Text))));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return all.Where(sample => seen.Add(sample.Text)).ToImmutableArray();
        }

        /// <summary>String literals of the test sources that hold a compilation unit (not statement fragments or messages).</summary>
        private static IEnumerable<Sample> TestLiterals()
        {
            foreach (var path in SourceFiles("tests", "*.cs").Where(path => !path.Contains(Path.DirectorySeparatorChar + "Fuzz" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path);
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        var text = token.ValueText;
                        if (text.Length > 30 && CompilationUnitMarkers.Any(marker => text.Contains(marker, StringComparison.Ordinal)))
                        {
                            var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            yield return new Sample($"{Relative(path)}:{line}", TestMarkup.Strip(text));
                        }
                    }
                }
            }
        }

        private static IEnumerable<Sample> RulePageBlocks()
        {
            foreach (var path in SourceFiles("rules", "*.md"))
            {
                foreach (Match block in CSharpBlock.Matches(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)))
                {
                    yield return new Sample($"{Relative(path)}@{block.Index}", block.Groups["code"].Value);
                }
            }
        }

        private static IEnumerable<Sample> WholeFiles(string folder) =>
            SourceFiles(folder, "*.cs").Select(path => new Sample(Relative(path), File.ReadAllText(path)));

        /// <summary>The files of a repository folder, build output excluded, in ordinal order of their path.</summary>
        private static IEnumerable<string> SourceFiles(string folder, string pattern)
        {
            var root = Path.Combine(RepositoryPaths.Root, folder);
            return Directory.Exists(root)
                ? Directory.GetFiles(root, pattern, SearchOption.AllDirectories)
                    .Where(path => !IsBuildOutput(path))
                    .OrderBy(path => Relative(path), StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        }

        private static bool IsBuildOutput(string path)
        {
            var parts = Relative(path).Split('/');
            return parts.Contains("bin") || parts.Contains("obj");
        }

        private static string Relative(string path) => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
    }
}
