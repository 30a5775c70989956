using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>Whole compilations for the concurrency and cancellation tests, against the .NET 10 references.</summary>
    internal static class LargeInputs
    {
        /// <summary>The benchmark corpus (realistic socket code over many files) as one library.</summary>
        public static CSharpCompilation Corpus() => AnalyzerRunner.Compile(
            SampleHarvester.Samples.Where(sample => sample.Origin.StartsWith("benchmarks/corpus/", System.StringComparison.Ordinal)).Select(sample => (sample.Origin, sample.Text)),
            Basic.Reference.Assemblies.Net100.References.All);

        /// <summary>
        /// The 3000-statement method of the robustness corpus: the input that keeps the analyzers busiest for longest
        /// (seconds), so a cancellation lands in the middle of their work.
        /// </summary>
        public static CSharpCompilation LargeMethod() => AnalyzerRunner.Compile(
            new[] { ("LargeMethod.cs", RobustnessCorpus.Cases["LargeMethod3000Statements"]) },
            Basic.Reference.Assemblies.Net100.References.All);
    }
}
