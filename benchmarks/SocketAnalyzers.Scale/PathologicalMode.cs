using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// <c>pathological</c>: each pathological input (one method of 5,000 statements, 200 nested ifs, 50 nested loops,
    /// a 50,000-line file, a switch of 2,000 cases, a method with 500 sockets, and this benchmark's
    /// <see cref="StressInputs"/>) measured once for the compiler alone
    /// and once for SocketAnalyzers, each in a process of its own, then the flow engine run directly on its bodies to
    /// tell whether it gave up. An input passes when our analyzers finish within its budget and nothing throws.
    /// </summary>
    internal static class PathologicalMode
    {
        /// <summary>The floor of every input's budget: see <see cref="Budget"/>.</summary>
        public static readonly TimeSpan BudgetFloor = TimeSpan.FromSeconds(2);

        /// <summary>The share of the compiler's own time on the input that our analyzers may add on top of the floor.</summary>
        public const double BudgetShareOfCompile = 0.5;

        /// <summary>A child that runs this long is killed and its input fails.</summary>
        private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(10);

        /// <summary>
        /// The budget of our analyzers' time on an input: 2 s plus half the compiler's own time on it. The analyzers
        /// are linear in the size of a body (docs/architecture.md), so they may be slow only where the compiler is;
        /// half the compile time bounds what a pathological file adds to a build, the 2 s floor absorbs the noise of a
        /// shared machine on inputs the compiler handles in well under a second.
        /// </summary>
        public static TimeSpan Budget(TimeSpan compile) => BudgetFloor + TimeSpan.FromTicks((long)(compile.Ticks * BudgetShareOfCompile));

        public static async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var machine = MachineInfo.Describe();
            var tool = AnalyzerTool.Load(AnalyzerTool.Ours);
            await WarmUp.RunAsync(tool, cancellationToken).ConfigureAwait(false);
            var rows = new List<string[]>();
            var crashes = new List<string>();
            var failed = false;
            foreach (var input in PathologicalInputs.Create().Concat(StressInputs.Create()))
            {
                var spec = InputSpec.Pathological(input.Name);
                var compile = await ChildProcess.MeasureAsync(spec, Measurement.CompileOnly, ChildTimeout).ConfigureAwait(false);
                var ours = await ChildProcess.MeasureAsync(spec, AnalyzerTool.Ours, ChildTimeout).ConfigureAwait(false);
                var sources = SourceSet.FromGenerated(spec, input.Files);
                using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probeTimeout.CancelAfter(ChildTimeout);
                var engine = EngineProbe.Run(sources.Compile(), probeTimeout.Token);

                var compileTime = TimeSpan.FromMilliseconds(compile?.WallMs ?? double.NaN);
                var budget = compile is null ? ChildTimeout : Budget(compileTime);
                var pass = ours is not null && compile is not null && ours.Crashes.Count == 0 && ours.AnalyzerMs <= budget.TotalMilliseconds;
                failed |= !pass;
                crashes.AddRange(ours?.Crashes ?? new List<string>());
                Console.Error.WriteLine("  " + input.Name + ": " + (ours is null ? "timed out" : MeasureCommand.Describe(ours)) + "; " + engine.Describe());
                rows.Add(new[]
                {
                    input.Name, input.Description, Markdown.Count(sources.Lines),
                    compile is null ? "timed out" : Markdown.Ms(compile.WallMs),
                    ours is null ? "timed out (" + ChildTimeout.TotalMinutes + " min)" : Markdown.Ms(ours.AnalyzerMs),
                    ours is null ? "–" : Markdown.Ms(ours.WallMs),
                    ours is null ? "–" : "+" + Markdown.Mb(ours.PeakGcHeapMb - ours.StartGcHeapMb),
                    ours is null || ours.PerAnalyzerMs.Count == 0 ? "–" : Slowest(ours),
                    Markdown.Ms(budget), engine.Describe(),
                    (ours?.Crashes.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                    pass ? "PASS" : "**FAIL**",
                });
            }

            var output = new StringBuilder();
            output.AppendLine("## Pathological inputs").AppendLine();
            output.AppendLine("Machine: " + machine + ".");
            output.AppendLine("SocketAnalyzers " + tool.Version + ", every SOCK rule on. One run per input, each figure in a fresh process after a warm-up. "
                + "Budget of our analyzer time (telemetry): 2 s + 0.5 × the compiler's time on the input.").AppendLine();
            Markdown.Table(
                output,
                new[] { "Input", "What", "Lines", "Compile", "SocketAnalyzers", "Pass wall", "Heap growth", "Slowest analyzer", "Budget", "Flow engine", "Exceptions", "Result" },
                rows,
                textColumns: 2);
            foreach (var crash in crashes.Distinct())
            {
                output.AppendLine("```").AppendLine(crash).AppendLine("```");
            }

            Console.Write(output.ToString());
            Console.WriteLine();
            Console.WriteLine("Written to " + ResultsFolder.Write("pathological", output.ToString()));
            return failed ? 1 : 0;
        }

        private static string Slowest(Measurement measurement)
        {
            var slowest = measurement.PerAnalyzerMs.OrderByDescending(p => p.Value).First();
            return slowest.Key + " " + Markdown.Ms(slowest.Value);
        }
    }
}
