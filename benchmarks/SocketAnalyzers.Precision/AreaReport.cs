using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SocketAnalyzers.Precision
{
    /// <summary>The scores of one area, rendered as Markdown.</summary>
    internal sealed class AreaReport
    {
        private readonly AreaConfig area;
        private readonly Corpus corpus;

        public AreaReport(AreaConfig area, Corpus corpus)
        {
            this.area = area;
            this.corpus = corpus;
        }

        public List<AreaRow> Rows { get; } = new();

        public List<string> Errors { get; } = new();

        public Dictionary<string, string> Versions { get; } = new(StringComparer.Ordinal);

        public bool Failed => this.Errors.Count > 0;

        public string Render(bool details)
        {
            var text = new StringBuilder();
            text.Append("### ").Append(this.area.Title).Append("\n\n");
            var kinds = this.corpus.Markers.GroupBy(m => m.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key);
            text.Append("Corpus `benchmarks/corpus/").Append(this.area.Name).Append("`: ")
                .Append(this.corpus.Trees.Count).Append(" files, ")
                .Append(this.corpus.Trees.Sum(t => t.GetText().Lines.Count)).Append(" lines, ")
                .Append(this.corpus.Markers.Count).Append(" expected findings (").Append(string.Join(", ", kinds)).Append(").\n\n");
            text.Append("| Tool | Rule | Counts as | TP | FP | FN | Precision | Recall | Analyzer time |\n");
            text.Append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var row in this.Rows)
            {
                var total = row.Rule == "all";
                var tool = row.Tool.Name + " " + this.Versions[row.Tool.Name];
                text.Append("| ").Append(total ? "**" + tool + "**" : tool)
                    .Append(" | ").Append(total ? "**all rules**" : row.Rule)
                    .Append(" | ").Append(total ? "any" : row.Claims)
                    .Append(" | ").Append(row.Score.TruePositives)
                    .Append(" | ").Append(row.Score.FalsePositives)
                    .Append(" | ").Append(row.Score.FalseNegatives)
                    .Append(" | ").Append(row.Score.Precision)
                    .Append(" | ").Append(row.Score.Recall)
                    .Append(" | ").Append(row.Time is { } time ? time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "")
                    .Append(" |\n");
            }

            text.Append('\n');
            foreach (var error in this.Errors)
            {
                text.Append("ERROR: ").Append(error).Append('\n');
            }

            if (details)
            {
                foreach (var row in this.Rows.Where(r => r.Rule != "all"))
                {
                    foreach (var miss in row.Score.Missed)
                    {
                        text.Append("- FN ").Append(row.Rule).Append(": ").Append(miss.File).Append(':').Append(miss.Line).Append(' ').Append(miss.Kind).Append('\n');
                    }

                    foreach (var wrong in row.Score.Wrong)
                    {
                        text.Append("- FP ").Append(row.Rule).Append(": ").Append(wrong).Append('\n');
                    }
                }

                text.Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>A row: a rule of a tool (or "all" of its rules in the area) and its score.</summary>
    internal sealed record AreaRow(ToolConfig Tool, string Rule, string Claims, Score Score, TimeSpan? Time);
}
