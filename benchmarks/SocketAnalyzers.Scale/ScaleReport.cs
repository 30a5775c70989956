using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SocketAnalyzers.Scale
{
    /// <summary>The Markdown report of a scale run: times, ratios, memory, growth with size, and the targets.</summary>
    internal static class ScaleReport
    {
        /// <summary>The size the targets are judged at (docs/performance.md): 100,000 lines, or the largest measured.</summary>
        public const int TargetSize = 100_000;

        /// <summary>A fitted exponent up to this counts as linear growth (measurement noise on a shared machine).</summary>
        public const double LinearExponent = 1.15;

        public static string Render(IReadOnlyList<ScaleRow> rows, int seed, string machine, IReadOnlyDictionary<string, string> versions, TimeSpan elapsed, (int Size, EngineOutcome Outcome) steps)
        {
            const string ours = AnalyzerTool.Ours;
            var output = new StringBuilder();
            output.AppendLine("## Scale: generated socket corpus (seed " + seed + ")").AppendLine();
            output.AppendLine("Machine: " + machine + ".");
            output.AppendLine("Tools: SocketAnalyzers " + versions[ours] + " (every SOCK rule on), CA2000 alone (NetAnalyzers "
                + versions[AnalyzerTool.Ca2000] + ", default options), IDisposableAnalyzers " + versions[AnalyzerTool.IDisposable] + " (every IDISP rule on).");
            output.AppendLine("Each figure is the median of " + string.Join(", ", rows.Select(r => Markdown.Count(r.Size) + " lines × " + r.Repetitions))
                + " runs, each in a fresh process; the run took " + Minutes(elapsed) + " ("
                + string.Join(", ", rows.Select(r => Markdown.Count(r.Size) + ": " + Minutes(r.Elapsed))) + ").").AppendLine();

            output.AppendLine("### Analyzer time (telemetry) against compile time").AppendLine();
            Markdown.Table(
                output,
                new[] { "Size", "Lines", "Files", "Compile", "SocketAnalyzers", "CA2000", "IDisposableAnalyzers", "ours / CA2000", "ours / IDISP", "ours / compile" },
                rows.Select(r => new[]
                {
                    Markdown.Count(r.Size), Markdown.Count(r.Lines), Markdown.Count(r.Files), Markdown.Ms(r.CompileMs),
                    Markdown.Ms(r.AnalyzerMs(ours)), Markdown.Ms(r.AnalyzerMs(AnalyzerTool.Ca2000)), Markdown.Ms(r.AnalyzerMs(AnalyzerTool.IDisposable)),
                    Markdown.Ratio(r.AnalyzerMs(ours) / r.AnalyzerMs(AnalyzerTool.Ca2000)),
                    Markdown.Ratio(r.AnalyzerMs(ours) / r.AnalyzerMs(AnalyzerTool.IDisposable)),
                    Markdown.Percent(r.AnalyzerMs(ours) / r.CompileMs),
                }));

            output.AppendLine("### Wall time of each pass (binding, the driver's operation trees and the analyzers)").AppendLine();
            Markdown.Table(
                output,
                new[] { "Size", "Compiler alone", "SocketAnalyzers pass", "CA2000 pass", "IDisposableAnalyzers pass" },
                rows.Select(r => new[] { Markdown.Count(r.Size) }.Concat(Tools().Select(t => Markdown.Ms(r.Median(t, m => m.WallMs)))).ToArray()));

            output.AppendLine("### Memory of each pass: peak managed heap (its growth during the pass) / bytes allocated / peak working set of the process").AppendLine();
            Markdown.Table(
                output,
                new[] { "Size", "Compiler alone", "SocketAnalyzers", "CA2000", "IDisposableAnalyzers" },
                rows.Select(r => new[] { Markdown.Count(r.Size) }.Concat(Tools().Select(t =>
                    Markdown.Mb(r.Median(t, m => m.PeakGcHeapMb)) + " (+" + Markdown.Mb(r.Median(t, m => m.PeakGcHeapMb - m.StartGcHeapMb)) + ") / "
                    + Markdown.Mb(r.Median(t, m => m.AllocatedMb)) + " / " + Markdown.Mb(r.Median(t, m => m.PeakWorkingSetMb)))).ToArray()));

            RenderGrowth(output, rows);

            output.AppendLine("### Findings of each tool (a check that the rules ran), compiler errors, analyzer exceptions").AppendLine();
            Markdown.Table(
                output,
                new[] { "Size", "SocketAnalyzers", "CA2000", "IDisposableAnalyzers", "Compiler errors", "Analyzer exceptions" },
                rows.Select(r => new[]
                {
                    Markdown.Count(r.Size),
                    Markdown.Count((long)r.Median(ours, m => m.Findings)), Markdown.Count((long)r.Median(AnalyzerTool.Ca2000, m => m.Findings)),
                    Markdown.Count((long)r.Median(AnalyzerTool.IDisposable, m => m.Findings)), Markdown.Count((long)r.Median(Measurement.CompileOnly, m => m.CompilerErrors)),
                    Markdown.Count(AnalyzerTool.All.Sum(t => r.Of(t).Sum(m => m.Crashes.Count))),
                }));

            output.AppendLine("### SocketAnalyzers time per analyzer").AppendLine();
            var analyzers = rows.SelectMany(r => r.Of(ours)).SelectMany(m => m.PerAnalyzerMs.Keys).Distinct().OrderBy(a => a, StringComparer.Ordinal).ToList();
            Markdown.Table(
                output,
                new[] { "Analyzer" }.Concat(rows.Select(r => Markdown.Count(r.Size))).ToArray(),
                analyzers
                    .OrderByDescending(a => rows[^1].Median(ours, m => m.PerAnalyzerMs.TryGetValue(a, out var v) ? v : 0))
                    .Select(a => new[] { a }.Concat(rows.Select(r => Markdown.Ms(r.Median(ours, m => m.PerAnalyzerMs.TryGetValue(a, out var v) ? v : 0)))).ToArray()));

            output.AppendLine("SocketFlowAnalyzer's steps at " + Markdown.Count(steps.Size) + " lines, run one by one on the same corpus in the parent process: "
                + steps.Outcome.DescribeSteps() + ". (" + steps.Outcome.Describe() + ".)").AppendLine();

            RenderTargets(output, rows);
            foreach (var crash in rows.SelectMany(r => AnalyzerTool.All.SelectMany(t => r.Of(t))).SelectMany(m => m.Crashes).Distinct())
            {
                output.AppendLine().AppendLine("```").AppendLine(crash).AppendLine("```");
            }

            return output.ToString();
        }

        private static IEnumerable<string> Tools() => new[] { Measurement.CompileOnly }.Concat(AnalyzerTool.All);

        private static void RenderGrowth(StringBuilder output, IReadOnlyList<ScaleRow> rows)
        {
            output.AppendLine("### Growth with size (ratio of medians between consecutive sizes; exponent b of time ∝ lines^b, least squares on all sizes)").AppendLine();
            var figures = new (string Name, Func<ScaleRow, double> Value)[]
            {
                ("Compile", r => r.CompileMs),
                ("SocketAnalyzers", r => r.AnalyzerMs(AnalyzerTool.Ours)),
                ("CA2000", r => r.AnalyzerMs(AnalyzerTool.Ca2000)),
                ("IDisposableAnalyzers", r => r.AnalyzerMs(AnalyzerTool.IDisposable)),
                ("SocketAnalyzers pass: managed heap growth", r => r.Median(AnalyzerTool.Ours, m => m.PeakGcHeapMb - m.StartGcHeapMb)),
                ("SocketAnalyzers pass: bytes allocated", r => r.Median(AnalyzerTool.Ours, m => m.AllocatedMb)),
            };
            var header = new List<string> { "Figure" };
            for (var i = 1; i < rows.Count; i++)
            {
                header.Add(Markdown.Count(rows[i].Size) + " / " + Markdown.Count(rows[i - 1].Size) + " (lines × " + Markdown.Ratio((double)rows[i].Lines / rows[i - 1].Lines) + ")");
            }

            header.Add("Exponent b");
            Markdown.Table(
                output,
                header,
                figures.Select(f =>
                {
                    var cells = new List<string> { f.Name };
                    for (var i = 1; i < rows.Count; i++)
                    {
                        cells.Add(Markdown.Ratio(f.Value(rows[i]) / f.Value(rows[i - 1])));
                    }

                    cells.Add(Markdown.Ratio(Statistics.GrowthExponent(rows.Select(r => ((double)r.Lines, f.Value(r))).ToList())));
                    return cells;
                }));
        }

        private static void RenderTargets(StringBuilder output, IReadOnlyList<ScaleRow> rows)
        {
            var at = rows.FirstOrDefault(r => r.Size == TargetSize) ?? rows.OrderBy(r => r.Size).Last();
            var ours = at.AnalyzerMs(AnalyzerTool.Ours);
            var ca2000 = at.AnalyzerMs(AnalyzerTool.Ca2000);
            var share = ours / at.CompileMs;
            var exponent = Statistics.GrowthExponent(rows.Select(r => ((double)r.Lines, r.AnalyzerMs(AnalyzerTool.Ours))).ToList());
            output.AppendLine("### Targets (at " + Markdown.Count(at.Size) + " lines)").AppendLine();
            output.AppendLine("- All SOCK rules together cost less than CA2000 alone: " + Markdown.Ms(ours) + " against " + Markdown.Ms(ca2000)
                + " (" + Markdown.Ratio(ours / ca2000) + "×): **" + Verdict(ours < ca2000) + "**");
            output.AppendLine("- Under 5% of compile time: " + Markdown.Percent(share) + " of " + Markdown.Ms(at.CompileMs) + ": **" + Verdict(share < 0.05) + "**");
            output.AppendLine("- Linear growth of our analyzer time: exponent " + Markdown.Ratio(exponent) + " (≤ "
                + LinearExponent.ToString("0.00", CultureInfo.InvariantCulture) + " counts as linear): **"
                + (double.IsNaN(exponent) ? "not measured (one size)" : Verdict(exponent <= LinearExponent)) + "**");
        }

        private static string Verdict(bool pass) => pass ? "PASS" : "FAIL";

        private static string Minutes(TimeSpan time) =>
            time.TotalMinutes >= 1 ? time.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min" : time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
    }
}
