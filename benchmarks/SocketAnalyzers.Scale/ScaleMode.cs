using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// <c>scale [--sizes 10000,100000,1000000] [--seed 1] [--repeat N]</c>: the generated socket corpus at each size,
    /// measured for the compiler alone, SocketAnalyzers (every SOCK rule on), CA2000 alone and IDisposableAnalyzers
    /// (every IDISP rule on), each in a process of its own (<see cref="MeasureCommand"/>). A size is measured several
    /// times, the tools in a rotating order so that a change of background load hits each alike; the report gives
    /// medians. Default repetitions: 5 up to 20,000 lines, 3 up to 200,000, 1 above.
    /// </summary>
    internal static class ScaleMode
    {
        public static readonly IReadOnlyList<int> DefaultSizes = new[] { 10_000, 100_000, 1_000_000 };

        private static readonly TimeSpan ChildTimeout = TimeSpan.FromHours(1);

        public static async Task<int> RunAsync(IReadOnlyList<int> sizes, int seed, int? repeat)
        {
            var machine = MachineInfo.Describe();
            var tools = new[] { Measurement.CompileOnly }.Concat(AnalyzerTool.All).ToArray();
            var versions = AnalyzerTool.All.ToDictionary(t => t, t => AnalyzerTool.Load(t).Version);
            var results = new List<ScaleRow>();
            var total = Stopwatch.StartNew();
            foreach (var size in sizes)
            {
                var repetitions = repeat ?? (size <= 20_000 ? 5 : size <= 200_000 ? 3 : 1);
                var row = new ScaleRow(size, repetitions);
                var sizeWatch = Stopwatch.StartNew();
                for (var r = 0; r < repetitions; r++)
                {
                    for (var t = 0; t < tools.Length; t++)
                    {
                        var tool = tools[(t + r) % tools.Length];
                        var measurement = await ChildProcess.MeasureAsync(InputSpec.Scale(size, seed), tool, ChildTimeout).ConfigureAwait(false)
                            ?? throw new TimeoutException(tool + " on " + size + " lines did not finish within " + ChildTimeout);
                        row.Add(measurement);
                        Console.Error.WriteLine("  [" + (r + 1) + "/" + repetitions + "] " + MeasureCommand.Describe(measurement));
                    }
                }

                row.Elapsed = sizeWatch.Elapsed;
                results.Add(row);
            }

            // Where SocketFlowAnalyzer's time goes, at the size the targets are judged at: its steps run one by one here.
            var probeSize = sizes.Contains(ScaleReport.TargetSize) ? ScaleReport.TargetSize : sizes.Min();
            EngineProbe.Run(SourceSet.FromGenerated("warm-up", SocketCorpus.Generate(WarmUp.Lines, seed: 1_000)).Compile(), CancellationToken.None);
            var steps = (probeSize, EngineProbe.Run(InputSpec.Resolve(InputSpec.Scale(probeSize, seed)).Compile(), CancellationToken.None));

            var report = ScaleReport.Render(results, seed, machine, versions, total.Elapsed, steps);
            Console.Write(report);
            Console.WriteLine();
            Console.WriteLine("Written to " + ResultsFolder.Write("scale", report));
            return results.Any(r => r.HasCrashes) ? 1 : 0;
        }
    }
}
