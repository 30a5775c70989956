using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Benchmarks.Corpus;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// The flow engine alone, on graphs built once in setup (the analyzer driver builds and shares them): what the
    /// protocol and lifetime rules add per method. A fresh per-compilation context each time, so summaries are
    /// recomputed as in a cold compilation.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
    public class FlowEngineBenchmarks
    {
        private CSharpCompilation realistic = null!;
        private List<(ControlFlowGraph Graph, ISymbol Owner)> realisticGraphs = null!;
        private CSharpCompilation huge = null!;
        private List<(ControlFlowGraph Graph, ISymbol Owner)> hugeGraphs = null!;
        private FlowContext warmContext = null!;

        [GlobalSetup]
        public void Setup()
        {
            this.realistic = Inputs.Compile(Inputs.Realistic());
            this.realisticGraphs = Inputs.Graphs(this.realistic);
            this.huge = Inputs.Compile(GeneratedCode.HugeMethod(statements: 5000, sockets: 20, nesting: 40));
            this.hugeGraphs = Inputs.Graphs(this.huge);
            this.warmContext = new FlowContext(this.realistic, KnownSocketSymbols.TryCreate(this.realistic)!);
            Run(this.warmContext, this.realisticGraphs);
        }

        /// <summary>The 16 bodies of a ~230-line TCP/UDP server and client.</summary>
        [Benchmark]
        public int RealisticFile() => Run(NewContext(this.realistic), this.realisticGraphs);

        /// <summary>The same with the summaries of its helpers already cached (a later method of the same compilation).</summary>
        [Benchmark]
        public int RealisticFileWarmSummaries() => Run(this.warmContext, this.realisticGraphs);

        /// <summary>One generated method: 5,000 statements, 20 sockets, 40 nested loops (about 15,000 blocks).</summary>
        [Benchmark]
        public int HugeMethod() => Run(NewContext(this.huge), this.hugeGraphs);

        private static FlowContext NewContext(CSharpCompilation compilation) => new FlowContext(compilation, KnownSocketSymbols.TryCreate(compilation)!);

        private static int Run(FlowContext context, List<(ControlFlowGraph Graph, ISymbol Owner)> graphs)
        {
            var steps = 0;
            foreach (var (graph, owner) in graphs)
            {
                steps += SocketFlowAnalysis.Analyze(graph, context, owner, default).Steps.Length;
            }

            return steps;
        }
    }
}
