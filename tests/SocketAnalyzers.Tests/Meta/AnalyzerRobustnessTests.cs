using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every analyzer of the package survives the corpus (large, nested, recursive, broken, half-typed and impostor code)
    /// without letting an exception out: an exception would reach users as AD0001, and the IDE may switch the analyzer off.
    /// Each case runs against full .NET 10 references, against System.Runtime alone (no Socket type unless the case
    /// declares one) and against no references at all (every type is an error type).
    /// </summary>
    public sealed class AnalyzerRobustnessTests
    {
        public static TheoryData<string, string> Cases
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (var name in RobustnessCorpus.Cases.Keys)
                {
                    foreach (var references in ReferenceSets.Keys)
                    {
                        data.Add(name, references);
                    }
                }

                return data;
            }
        }

        private static Dictionary<string, MetadataReference[]> ReferenceSets { get; } = new()
        {
            ["net10.0"] = Basic.Reference.Assemblies.Net100.References.All.ToArray<MetadataReference>(),
            ["System.Runtime only"] = new MetadataReference[] { Basic.Reference.Assemblies.Net100.References.SystemRuntime },
            ["no references"] = Array.Empty<MetadataReference>(),
        };

        [Fact]
        public void ThereAreAnalyzersToTest() => Assert.NotEmpty(AnalyzerCatalog.AnalyzerTypes);

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Analyzers_SurviveCorpusCase_WithoutException(string name, string references)
        {
            var kind = name == "TopLevelStatements" ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var compilation = AnalyzerRunner.Compile(new[] { (name + ".cs", RobustnessCorpus.Cases[name]) }, ReferenceSets[references], kind);

            var run = await AnalyzerRunner.RunAsync(compilation);

            Assert.True(run.Failures.IsEmpty, $"{run.Failures.Length} analyzer failure(s) on {name} ({references}):\n" + string.Join("\n\n", run.Failures));
        }

        [Fact]
        public void Corpus_ReallyContainsBrokenCode()
        {
            var references = ReferenceSets["net10.0"];
            foreach (var name in new[] { "UnbalancedBraces", "HalfTypedCode", "MissingTypesAndMembers" })
            {
                var compilation = AnalyzerRunner.Compile(new[] { (name + ".cs", RobustnessCorpus.Cases[name]) }, references);
                Assert.Contains(compilation.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            }
        }

        [Fact]
        public async Task Corpus_ReachesTheRules()
        {
            // The corpus is only worth something if the analyzers do real work on it: the large method holds UDP
            // sockets that listen (SOCK101) and a stream socket created with UDP (SOCK109).
            var compilation = AnalyzerRunner.Compile(new[] { ("Large.cs", RobustnessCorpus.Cases["LargeMethod3000Statements"]) }, ReferenceSets["net10.0"]);
            var run = await AnalyzerRunner.RunAsync(compilation);
            Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == "SOCK101");
            Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == "SOCK109");
        }
    }
}
