using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>A rule page of rules/ as the meta tests read it: its heading and the table between the rule-table markers.</summary>
    internal sealed class RulePage
    {
        public const string TableStart = "<!-- rule-table:start";
        public const string TableEnd = "<!-- rule-table:end -->";
        public const string PlaceholderMarker = "<!-- placeholder -->";

        private RulePage(string id, string path, string[] lines)
        {
            this.Id = id;
            this.Path = path;
            this.Lines = lines;
            this.IsPlaceholder = lines.Length > 0 && lines[0].Trim() == PlaceholderMarker;
            this.Heading = lines.FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal));
            this.Table = ReadTable(lines);
        }

        public string Id { get; }

        public string Path { get; }

        public string[] Lines { get; }

        public bool IsPlaceholder { get; }

        /// <summary>The first level-1 heading, e.g. <c># SOCK101: Listen on a datagram socket</c>.</summary>
        public string? Heading { get; }

        /// <summary>Row name → value of the rule table (ID, Category, Default severity, Code fix, Source, Status).</summary>
        public IReadOnlyDictionary<string, string> Table { get; }

        public static string RulesFolder => System.IO.Path.Combine(RepositoryPaths.Root, "rules");

        /// <summary>Every page named like a diagnostic ID (SOCKnnn.md) in rules/.</summary>
        public static IReadOnlyList<string> PageIds() => Directory.GetFiles(RulesFolder, "SOCK*.md")
            .Select(file => System.IO.Path.GetFileNameWithoutExtension(file))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

        public static RulePage? TryLoad(string id)
        {
            var path = System.IO.Path.Combine(RulesFolder, id + ".md");
            return File.Exists(path) ? new RulePage(id, path, File.ReadAllLines(path)) : null;
        }

        public string Cell(string row) => this.Table.TryGetValue(row, out var value) ? value : string.Empty;

        /// <summary>The target of the markdown link in the Source row, resolved from rules/ to a full path.</summary>
        public string? SourceTarget()
        {
            var source = this.Cell("Source");
            var open = source.IndexOf("](", StringComparison.Ordinal);
            var close = open < 0 ? -1 : source.IndexOf(')', open);
            return close < 0 ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(RulesFolder, source.Substring(open + 2, close - open - 2)));
        }

        private static Dictionary<string, string> ReadTable(string[] lines)
        {
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            var start = Array.FindIndex(lines, line => line.StartsWith(TableStart, StringComparison.Ordinal));
            var end = Array.FindIndex(lines, line => line.StartsWith(TableEnd, StringComparison.Ordinal));
            if (start < 0 || end < start)
            {
                return table;
            }

            for (var i = start + 1; i < end; i++)
            {
                var cells = lines[i].Trim().Trim('|').Split('|');
                if (cells.Length == 2 && cells[0].Trim() is { Length: > 0 } name && !name.StartsWith("-", StringComparison.Ordinal))
                {
                    table[name] = cells[1].Trim();
                }
            }

            return table;
        }
    }
}
