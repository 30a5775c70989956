using System;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.CorpusGenerator;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>Whole compilations for the concurrency and cancellation tests, against the .NET 10 references.</summary>
    internal static class LargeInputs
    {
        /// <summary>Lines of generated code in <see cref="Corpus"/>.</summary>
        public const int CorpusLines = 20_000;

        /// <summary>
        /// A generated code base of 20,000 lines (seed 1) and the benchmark corpus, as one library with no compiler error
        /// (the generator's and the precision runner's tests hold each part to that): ordinary application code, socket
        /// servers, clients and factories, seeded mistakes, and the benchmark's realistic findings — some ninety
        /// diagnostics over a hundred files.
        /// </summary>
        public static CSharpCompilation Corpus() => AnalyzerRunner.Compile(
            SocketCorpus.Generate(CorpusLines).Select(file => (file.Path, file.Text))
                .Concat(SampleHarvester.Samples.Where(sample => sample.Origin.StartsWith("benchmarks/corpus/", StringComparison.Ordinal)).Select(sample => (sample.Origin, sample.Text))),
            Basic.Reference.Assemblies.Net100.References.All);

        /// <summary>
        /// The generator's 50,000-line file: the flow engine alone spends seconds on it, so a cancellation after a few
        /// hundred milliseconds lands in the middle of the analyzers' work, however fast the machine.
        /// </summary>
        public static CSharpCompilation LargeFile() => AnalyzerRunner.Compile(
            PathologicalInputs.Create().Single(input => input.Name == "File50000Lines").Files.Select(file => (file.Path, file.Text)),
            Basic.Reference.Assemblies.Net100.References.All);
    }
}
