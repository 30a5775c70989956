using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>A <see cref="LabelledRun"/> as Markdown: a table per category (one row per tool), one per rule of ours, and with details every miss, false positive and unlabelled finding.</summary>
    internal static class LabelReport
    {
        public static string Render(LabelledRun run, IReadOnlyList<string> labelFiles, bool details)
        {
            var output = new StringBuilder();
            var labels = run.Labels.Labels;
            var sourceFiles = run.Sources.Files.Count(f => !f.Path.StartsWith("<sdk>", StringComparison.Ordinal));
            output.AppendLine("## Real code, labelled: " + Path.GetFileName(run.Sources.Name.TrimEnd('/', '\\'))).AppendLine();
            output.AppendLine("Folder `" + run.Sources.Name + "`: " + Markdown.Count(sourceFiles) + " files, " + Markdown.Count(run.Sources.Lines)
                + " lines, " + Markdown.Count(run.CompilerErrors) + " compiler errors" + (run.CompilerErrors > 0 ? " (missing third-party types are expected)." : "."));
            var split = run.Projects.Where(p => p.Contains('/', StringComparison.Ordinal)).ToList();
            output.AppendLine(Markdown.Count(run.Projects.Count) + " compilations" + (split.Count > 0
                ? "; repositories whose files declare a type twice are split by folder into projects: " + string.Join(", ", split.Select(p => "`" + p + "`"))
                : string.Empty) + ".");
            output.AppendLine("Labels (" + string.Join(", ", labelFiles.Select(Path.GetFileName)) + "): " + labels.Count(l => l.IsBug) + " bugs, "
                + labels.Count(l => !l.IsBug) + " traps; " + run.Labels.Problems.Count + " lines skipped.");
            output.AppendLine("Tools: " + string.Join(", ", run.Tools.Select(t => t.Name + " " + t.Version)) + ".").AppendLine();
            foreach (var problem in run.Labels.Problems)
            {
                output.AppendLine("- LABEL " + problem);
            }

            if (run.Labels.Problems.Count > 0)
            {
                output.AppendLine();
            }

            foreach (var category in run.Categories.Categories)
            {
                var rows = run.Scores.Where(s => s.Category == category.Name).ToList();
                output.AppendLine("### " + category.Name + ": " + labels.Count(l => l.IsBug && l.Category == category.Name) + " bugs, "
                    + labels.Count(l => !l.IsBug && l.Category == category.Name) + " traps").AppendLine();
                Markdown.Table(
                    output,
                    new[] { "Tool", "Rules", "TP", "FP", "Miss", "Unlabelled", "Precision", "Recall", "Precision, unlabelled as FP" },
                    rows.Select(s => new[]
                    {
                        s.Tool, string.Join(", ", s.Rules), Markdown.Count(s.TruePositives), Markdown.Count(s.FalsePositives), Markdown.Count(s.Misses),
                        Markdown.Count(s.Unlabelled.Count), s.Precision, s.Recall, s.WorstPrecision,
                    }),
                    textColumns: 2);
            }

            if (run.OurRules.Count > 0)
            {
                output.AppendLine("### " + run.Tools[0].Name + ", per rule").AppendLine();
                Markdown.Table(
                    output,
                    new[] { "Rule", "Category", "Bug labels", "Found", "Missed", "Recall", "Findings", "On bugs", "On traps (FP)", "Unlabelled" },
                    run.OurRules.Select(r => new[]
                    {
                        r.Rule, r.Category, Markdown.Count(r.Labelled), Markdown.Count(r.Found), Markdown.Count(r.Missed), r.Recall,
                        Markdown.Count(r.Findings), Markdown.Count(r.OnBugs), Markdown.Count(r.OnTraps), Markdown.Count(r.Unlabelled),
                    }),
                    textColumns: 2);
            }

            if (details)
            {
                AppendDetails(output, run);
            }

            foreach (var error in run.Errors)
            {
                output.AppendLine("ERROR: " + error);
            }

            return output.ToString();
        }

        private static void AppendDetails(StringBuilder output, LabelledRun run)
        {
            foreach (var score in run.Scores.Where(s => s.Missed.Count + s.OnTraps.Count + s.Unlabelled.Count > 0))
            {
                output.AppendLine("#### " + score.Category + ", " + score.Tool).AppendLine();
                foreach (var miss in score.Missed)
                {
                    output.AppendLine("- miss `" + miss.File + ":" + miss.Lines + "` " + miss.Rule + ": " + miss.Note + " (" + miss.Source + ")");
                }

                foreach (var (finding, trap) in score.OnTraps)
                {
                    output.AppendLine("- FP `" + finding.File + ":" + finding.Line + "` " + finding.Rule + " " + finding.Message + " — trap: " + trap.Note + " (" + trap.Source + ")");
                }

                foreach (var finding in score.Unlabelled)
                {
                    output.AppendLine("- unlabelled `" + finding.File + ":" + finding.Line + "` " + finding.Rule + " " + finding.Message);
                }

                output.AppendLine();
            }
        }
    }
}
