using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The index table of rules/README.md, rendered from the descriptors and the pages. The committed table is kept
    /// between markers; <c>SOCKETANALYZERS_UPDATE_DOCS=1</c> rewrites it.
    /// </summary>
    internal static class RuleIndex
    {
        public const string Start = "<!-- rule-index:start (generated from the descriptors and pages by tests/SocketAnalyzers.Tests/Meta) -->";
        public const string End = "<!-- rule-index:end -->";

        public const string Header = "| ID | Title | Category | Default severity | Code fix | Status |";

        public static string Path => System.IO.Path.Combine(RulePage.RulesFolder, "README.md");

        public static string Row(string id)
        {
            var descriptor = AnalyzerCatalog.Descriptor(id);
            var page = RulePage.TryLoad(id);
            return string.Format(
                CultureInfo.InvariantCulture,
                "| [{0}]({0}.md) | {1} | {2} | {3} | {4} | {5} |",
                id,
                descriptor.Title.ToString(CultureInfo.InvariantCulture),
                descriptor.Category,
                AnalyzerCatalog.SeverityText(descriptor),
                AnalyzerCatalog.FixableIds.Contains(id) ? "Yes" : "No",
                page?.Cell("Status") ?? "No page");
        }

        public static string Render()
        {
            var builder = new StringBuilder();
            builder.Append(Start).Append('\n').Append(Header).Append('\n').Append("|---|---|---|---|---|---|").Append('\n');
            foreach (var descriptor in AnalyzerCatalog.Descriptors)
            {
                builder.Append(Row(descriptor.Id)).Append('\n');
            }

            return builder.Append(End).ToString();
        }

        /// <summary>The committed section between the markers, markers included; null when the markers are missing.</summary>
        public static string? Committed(string text)
        {
            var start = text.IndexOf(Start, StringComparison.Ordinal);
            var end = text.IndexOf(End, StringComparison.Ordinal);
            return start < 0 || end < start ? null : text.Substring(start, end + End.Length - start);
        }

        public static void Update()
        {
            var text = File.ReadAllText(Path).Replace("\r\n", "\n");
            if (Committed(text) is { } committed)
            {
                File.WriteAllText(Path, text.Replace(committed, Render()));
            }
        }
    }
}
