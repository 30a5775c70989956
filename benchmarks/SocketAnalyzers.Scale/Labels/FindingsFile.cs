using System.IO;
using System.Linq;
using System.Text;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// The raw findings of every tool of a labelled run, one a line, tab-separated (tool, rule, file, line, column,
    /// labels matched as <c>kind:lines:category</c> or <c>unlabelled</c>, message): what a later run is compared with.
    /// </summary>
    internal static class FindingsFile
    {
        public static void Write(string path, LabelledRun run)
        {
            var text = new StringBuilder("tool\trule\tfile\tline\tcolumn\tlabels\tmessage\n");
            foreach (var finding in run.Findings)
            {
                var matched = LabelScoring.Matches(finding, run.Labels.Labels, run.Categories).Select(l => l.Kind + ":" + l.Lines + ":" + l.Category).ToList();
                text.Append(finding.Tool).Append('\t').Append(finding.Rule).Append('\t').Append(finding.File).Append('\t')
                    .Append(finding.Line).Append('\t').Append(finding.Column).Append('\t')
                    .Append(matched.Count == 0 ? "unlabelled" : string.Join(",", matched)).Append('\t')
                    .Append(OneLine(finding.Message)).Append('\n');
            }

            File.WriteAllText(path, text.ToString());
        }

        private static string OneLine(string message) => message.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
