using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// <c>small [--projects 40] [--seed 1] [--repeat 5]</c>: many small projects (16–500 lines), each its own compilation,
    /// as a solution of small tools or a compiler server building them one after another. What a rule pays once per
    /// compilation (resolving types in its compilation-start action) weighs here, where it vanishes in a large project.
    /// Each project is one socket file of a generated corpus, with further files of the same corpus added while the
    /// project stays within its line target (drawn from 16–500 by the seed); a socket file alone may be smaller or larger.
    /// Compiler, SocketAnalyzers (every SOCK rule on) and CA2000 on a fresh compilation each, the three in a rotating
    /// order, in this one warmed-up process (the heap is not the point here).
    /// </summary>
    internal static class SmallProjectsMode
    {
        private const int MaxLines = 500;
        private const int MinLines = 16;

        public static async Task<int> RunAsync(int projectCount, int seed, int repeat, CancellationToken cancellationToken)
        {
            var ours = AnalyzerTool.Load(AnalyzerTool.Ours);
            var ca2000 = AnalyzerTool.Load(AnalyzerTool.Ca2000);
            await WarmUp.RunAsync(ours, cancellationToken).ConfigureAwait(false);
            await WarmUp.RunAsync(ca2000, cancellationToken).ConfigureAwait(false);

            var projects = Projects(projectCount, seed);
            var compile = new double[projects.Count, repeat];
            var oursMs = new double[projects.Count, repeat];
            var caMs = new double[projects.Count, repeat];
            var perAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
            var findings = 0;
            var crashes = 0;
            var watch = Stopwatch.StartNew();
            for (var r = 0; r < repeat; r++)
            {
                for (var p = 0; p < projects.Count; p++)
                {
                    for (var t = 0; t < 3; t++)
                    {
                        switch ((t + r + p) % 3)
                        {
                            case 0:
                                compile[p, r] = AnalyzerPass.Compile(projects[p].Compile(), cancellationToken).Wall.TotalMilliseconds;
                                break;
                            case 1:
                                var pass = await AnalyzerPass.RunAsync(projects[p].Compile(), ours, cancellationToken).ConfigureAwait(false);
                                oursMs[p, r] = pass.AnalyzerTime.TotalMilliseconds;
                                crashes += pass.Crashes.Length;
                                if (r == 0)
                                {
                                    findings += pass.Diagnostics.Count(d => d.Id.StartsWith("SOCK", StringComparison.Ordinal));
                                }

                                foreach (var entry in pass.PerAnalyzer)
                                {
                                    perAnalyzer[entry.Key] = (perAnalyzer.TryGetValue(entry.Key, out var sum) ? sum : 0) + entry.Value.TotalMilliseconds;
                                }

                                break;
                            default:
                                caMs[p, r] = (await AnalyzerPass.RunAsync(projects[p].Compile(), ca2000, cancellationToken).ConfigureAwait(false)).AnalyzerTime.TotalMilliseconds;
                                break;
                        }
                    }
                }
            }

            var report = Render(projects, compile, oursMs, caMs, perAnalyzer, repeat, seed, findings, crashes, ours.Version, watch.Elapsed);
            Console.Write(report);
            Console.WriteLine();
            Console.WriteLine("Written to " + ResultsFolder.Write("small", report));
            return crashes > 0 ? 1 : 0;
        }

        /// <summary>
        /// The projects: each socket file of the corpus, topped up with the next files of the corpus (socket or
        /// ordinary) that still fit a seeded line target; a file goes into one project only.
        /// </summary>
        private static List<SourceSet> Projects(int count, int seed)
        {
            var random = new Random(seed);
            var files = SocketCorpus.Generate(Math.Max(WarmUp.Lines, count * 1_500), seed);
            var unused = new List<GeneratedFile>(files);
            var projects = new List<SourceSet>();
            while (projects.Count < count && unused.FindIndex(IsSocketFile) is var first and >= 0)
            {
                var target = random.Next(MinLines, MaxLines + 1);
                var members = new List<GeneratedFile> { unused[first] };
                var lines = Lines(unused[first]);
                unused.RemoveAt(first);
                for (var i = 0; i < unused.Count; i++)
                {
                    if (lines + Lines(unused[i]) <= target)
                    {
                        members.Add(unused[i]);
                        lines += Lines(unused[i]);
                        unused.RemoveAt(i--);
                    }
                }

                projects.Add(SourceSet.FromGenerated("small:" + projects.Count.ToString(CultureInfo.InvariantCulture), members));
            }

            return projects;
        }

        private static bool IsSocketFile(GeneratedFile file) => file.Text.Contains("using System.Net.Sockets;", StringComparison.Ordinal);

        private static int Lines(GeneratedFile file) => file.Text.Split('\n').Length;

        private static string Render(
            List<SourceSet> projects, double[,] compile, double[,] ours, double[,] ca, Dictionary<string, double> perAnalyzer,
            int repeat, int seed, int findings, int crashes, string version, TimeSpan elapsed)
        {
            // Per project, the median over repetitions; then totals over projects and the median per-project ratio.
            double Median(double[,] values, int p) => Statistics.Median(Enumerable.Range(0, repeat).Select(r => values[p, r]));
            var rows = Enumerable.Range(0, projects.Count).Select(p => (Lines: projects[p].Lines, Compile: Median(compile, p), Ours: Median(ours, p), Ca: Median(ca, p))).ToList();
            var lines = rows.Select(r => (double)r.Lines).OrderBy(l => l).ToList();
            var totalCompile = rows.Sum(r => r.Compile);
            var totalOurs = rows.Sum(r => r.Ours);
            var totalCa = rows.Sum(r => r.Ca);

            var output = new StringBuilder();
            output.AppendLine("## Small projects").AppendLine();
            output.AppendLine(Markdown.Count(projects.Count) + " projects of the generated corpus (seed " + seed.ToString(CultureInfo.InvariantCulture) + "), "
                + Markdown.Count((long)lines.Min()) + "–" + Markdown.Count((long)lines.Max()) + " lines (median " + Markdown.Count((long)Statistics.Median(lines)) + "), each its own compilation; "
                + repeat.ToString(CultureInfo.InvariantCulture) + " repetitions, medians per project. SocketAnalyzers " + version + ".");
            output.AppendLine("Machine: " + MachineInfo.Describe() + ". Took " + elapsed.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture) + " s.").AppendLine();
            Markdown.Table(
                output,
                new[] { "", "Compile", "SocketAnalyzers", "CA2000", "ours / CA2000", "ours / compile" },
                new[]
                {
                    new[] { "Sum over projects", Markdown.Ms(totalCompile), Markdown.Ms(totalOurs), Markdown.Ms(totalCa), Markdown.Ratio(totalOurs / totalCa), Markdown.Percent(totalOurs / totalCompile) },
                    new[] { "Median project", Markdown.Ms(Statistics.Median(rows.Select(r => r.Compile))), Markdown.Ms(Statistics.Median(rows.Select(r => r.Ours))), Markdown.Ms(Statistics.Median(rows.Select(r => r.Ca))),
                        Markdown.Ratio(Statistics.Median(rows.Select(r => r.Ours / r.Ca))), Markdown.Percent(Statistics.Median(rows.Select(r => r.Ours / r.Compile))) },
                });
            output.AppendLine("Slowest projects for SocketAnalyzers (lines: compile / ours / CA2000): "
                + string.Join("; ", rows.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Ours).Take(3).Select(x => "#" + x.i.ToString(CultureInfo.InvariantCulture) + " " + x.r.Lines.ToString(CultureInfo.InvariantCulture) + ": " + Markdown.Ms(x.r.Compile) + " / " + Markdown.Ms(x.r.Ours) + " / " + Markdown.Ms(x.r.Ca))) + ".").AppendLine();
            output.AppendLine("Analyzer time per analyzer (sum over projects and repetitions, divided by the repetitions): "
                + string.Join(", ", perAnalyzer.OrderByDescending(p => p.Value).Select(p => p.Key + " " + Markdown.Ms(p.Value / repeat))) + ".").AppendLine();
            output.AppendLine("SOCK findings: " + Markdown.Count(findings) + ". Analyzer exceptions: " + Markdown.Count(crashes) + ".");
            return output.ToString();
        }
    }
}
