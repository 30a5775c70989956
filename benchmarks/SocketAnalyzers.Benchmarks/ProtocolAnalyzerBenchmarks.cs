using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Rules;
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
        private ImmutableArray<DiagnosticAnalyzer> reference;

        [GlobalSetup]
        public void Setup()
        {
            this.realistic = Inputs.Compile(Inputs.Realistic());
            this.analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SocketFlowAnalyzer());
            this.reference = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationBlockAnalyzer());
        }

        [Benchmark(Baseline = true)]
        public int CompilerOnly() => this.realistic.Clone().GetDiagnostics().Length;

        /// <summary>The driver, operation trees and graphs alone: an analyzer that builds every graph and does nothing.</summary>
        [Benchmark]
        public Task<int> CompilerAndGraphsOnly() => this.RunAsync(this.reference);

        [Benchmark]
        public Task<int> CompilerAndProtocolAnalyzer() => this.RunAsync(this.analyzers);

        private async Task<int> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var withAnalyzers = this.realistic.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.Length;
        }
    }
}
