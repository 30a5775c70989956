using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// Reads <c>*.labels.tsv</c> files (benchmarks/realcode/LABELS.md): six tab-separated columns (file, lines, kind,
    /// category, rule, note), <c>#</c> comment lines and blank lines skipped. A line that is not a valid label is
    /// skipped with one message naming it in <see cref="Problems"/>, so no label is lost silently.
    /// </summary>
    internal sealed class LabelFile
    {
        private const string Header = "file\tlines\tkind\tcategory\trule\tnote";

        public List<Label> Labels { get; } = new();

        public List<string> Problems { get; } = new();

        /// <param name="paths">The labels files, read in this order.</param>
        /// <param name="categories">The known categories and their rules.</param>
        /// <param name="folderFiles">The files of the scored folder (relative, '/' separators): a label elsewhere is a problem.</param>
        public static LabelFile Read(IEnumerable<string> paths, LabelCategories categories, ISet<string> folderFiles)
        {
            var result = new LabelFile();
            foreach (var path in paths)
            {
                var lines = File.ReadAllLines(path);
                for (var i = 0; i < lines.Length; i++)
                {
                    result.ReadLine(lines[i].TrimEnd('\r'), Path.GetFileName(path) + ":" + (i + 1).ToString(CultureInfo.InvariantCulture), categories, folderFiles);
                }
            }

            return result;
        }

        private void ReadLine(string text, string source, LabelCategories categories, ISet<string> folderFiles)
        {
            if (text.Trim().Length == 0 || text.StartsWith('#') || text == Header)
            {
                return;
            }

            var columns = text.Split('\t');
            if (columns.Length != 6)
            {
                this.Problem(source, "has " + columns.Length + " tab-separated columns, not 6 (file, lines, kind, category, rule, note)");
                return;
            }

            var file = columns[0].Trim().Replace('\\', '/');
            var category = categories.Find(columns[3].Trim());
            var rule = columns[4].Trim();
            if (!TryParseLines(columns[1].Trim(), out var first, out var last, out var also))
            {
                this.Problem(source, "lines '" + columns[1] + "' is not N, N-M or either followed by ,K with 1 <= N <= M, 1 <= K");
            }
            else if (columns[2].Trim() is not ("bug" or "trap"))
            {
                this.Problem(source, "kind '" + columns[2] + "' is neither bug nor trap");
            }
            else if (category is null)
            {
                this.Problem(source, "unknown category '" + columns[3] + "' (known: " + string.Join(", ", categories.Categories.Select(c => c.Name)) + ")");
            }
            else if (!category.Ours.Contains(rule))
            {
                this.Problem(source, "rule '" + rule + "' is not one of ours for category " + category.Name + " (" + string.Join(", ", category.Ours) + ")");
            }
            else if (!folderFiles.Contains(file))
            {
                this.Problem(source, "file '" + file + "' is not in the folder");
            }
            else if (this.Labels.FirstOrDefault(l => l.File == file && l.FirstLine == first && l.LastLine == last && l.Kind == columns[2].Trim() && l.Category == category.Name) is { } same)
            {
                // Two bug labels on the same lines would each count as found by one finding: say so rather than double-count.
                this.Problem(source, "same file, lines, kind and category as " + same.Source);
            }
            else
            {
                this.Labels.Add(new Label(file, first, last, columns[2].Trim() == "bug", category.Name, rule, columns[5].Trim(), source) { AlsoLine = also });
            }
        }

        private void Problem(string source, string message) => this.Problems.Add(source + ": skipped, " + message);

        /// <summary><c>N</c>, <c>N-M</c>, and either followed by <c>,K</c>: one more line (a SOCK204 field's declaration).</summary>
        private static bool TryParseLines(string text, out int first, out int last, out int also)
        {
            also = 0;
            var comma = text.IndexOf(',');
            if (comma >= 0)
            {
                if (!int.TryParse(text.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out also) || also < 1)
                {
                    first = last = 0;
                    return false;
                }

                text = text.Substring(0, comma);
            }

            var parts = text.Split('-');
            first = last = 0;
            return parts.Length is 1 or 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
                && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out last)
                && first >= 1
                && last >= first;
        }
    }
}
