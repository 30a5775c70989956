using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// <c>folder &lt;dir&gt; --labels &lt;file.tsv or glob&gt;... [--tools all|ours] [--details] [--out &lt;dir&gt;]</c>:
    /// scores every tool on a hand-labelled folder of real code (benchmarks/realcode/LABELS.md). Prints the report,
    /// writes it with the raw findings (findings.tsv) to --out (default: results/). Exit code 1 when a tool could not be
    /// loaded or crashed; skipped label lines are named in the report and on stderr.
    /// </summary>
    internal static class LabelledFolderMode
    {
        public static async Task<int> RunAsync(string folder, IReadOnlyList<string> labelPatterns, string tools, bool details, string? outFolder, bool implicitUsings, bool oneCompilation, CancellationToken cancellationToken)
        {
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine("No folder " + folder);
                return 2;
            }

            if (tools is not ("all" or "ours"))
            {
                throw new ArgumentException("--tools takes all or ours, not " + tools);
            }

            var labelFiles = ExpandLabelFiles(labelPatterns);
            var run = await LabelledRun.RunAsync(folder, labelFiles, tools == "ours", implicitUsings, oneCompilation, cancellationToken).ConfigureAwait(false);
            foreach (var problem in run.Labels.Problems)
            {
                Console.Error.WriteLine("LABEL " + problem);
            }

            var report = LabelReport.Render(run, labelFiles, details);
            Console.Write(report);

            var stem = "labelled-" + Path.GetFileName(run.Sources.Name.TrimEnd('/', '\\')) + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var target = outFolder ?? ResultsFolder.Folder();
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, stem + ".md"), LabelReport.Render(run, labelFiles, details: true));
            FindingsFile.Write(Path.Combine(target, stem + ".findings.tsv"), run);
            Console.WriteLine();
            Console.WriteLine("Written to " + Path.Combine(target, stem) + ".md (with details) and .findings.tsv");
            return run.Errors.Count == 0 ? 0 : 1;
        }

        /// <summary>Each argument is a labels file or a pattern with * or ? in its file name (set-d.*.labels.tsv).</summary>
        public static List<string> ExpandLabelFiles(IReadOnlyList<string> patterns)
        {
            var files = new List<string>();
            foreach (var pattern in patterns)
            {
                var name = Path.GetFileName(pattern);
                if (name.IndexOfAny(new[] { '*', '?' }) < 0)
                {
                    files.Add(File.Exists(pattern) ? pattern : throw new ArgumentException("No labels file " + pattern));
                    continue;
                }

                var directory = Path.GetDirectoryName(pattern) is { Length: > 0 } d ? d : ".";
                var matches = Directory.Exists(directory) ? Directory.GetFiles(directory, name).OrderBy(f => f, StringComparer.Ordinal).ToList() : new List<string>();
                files.AddRange(matches.Count > 0 ? matches : throw new ArgumentException("No labels file matches " + pattern));
            }

            return files.Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
