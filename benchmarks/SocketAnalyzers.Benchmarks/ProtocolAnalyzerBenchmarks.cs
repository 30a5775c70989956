using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Rules.Protocol;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// The protocol host analyzer end to end on the realistic file, against the compiler alone: the difference is
    /// what a build pays for SOCK101–SOCK111 (operation trees, graphs, flow analysis, reports). Each run clones the
    /// compilation so that nothing bound earlier is reused.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
    public class ProtocolAnalyzerBenchmarks
    {
        private CSharpCompilation realistic = null!;
        private ImmutableArray<DiagnosticAnalyzer> analyzers;

        [GlobalSetup]
        public void Setup()
        {
            this.realistic = Inputs.Compile(Inputs.Realistic());
            this.analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SocketProtocolAnalyzer());
        }

        [Benchmark(Baseline = true)]
        public int CompilerOnly() => this.realistic.Clone().GetDiagnostics().Length;

        [Benchmark]
        public async Task<int> CompilerAndProtocolAnalyzer()
        {
            var withAnalyzers = this.realistic.Clone().WithAnalyzers(this.analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.Length;
        }
    }
}
