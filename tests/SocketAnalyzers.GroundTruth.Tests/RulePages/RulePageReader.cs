using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.GroundTruth.Tests.RulePages
{
    /// <summary>
    /// Reads the examples of a rule page: every <c>```csharp</c> block followed (after blank lines) by
    /// <c>&lt;!-- ground-truth: claim --&gt;</c>. Blocks without the comment are prose, not claims.
    /// </summary>
    internal static class RulePageReader
    {
        private static readonly Regex ClaimComment = new(@"^<!-- ground-truth: (?<claim>.+?) -->$", RegexOptions.CultureInvariant);

        public static string RulesFolder
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "SocketAnalyzers.sln")))
                    {
                        return Path.Combine(dir.FullName, "rules");
                    }
                }

                throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static List<RulePageExample> Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var examples = new List<RulePageExample>();
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var start = i + 1;
                var end = start;
                while (end < lines.Length && lines[end].Trim() != "```")
                {
                    end++;
                }

                var next = end + 1;
                while (next < lines.Length && lines[next].Trim().Length == 0)
                {
                    next++;
                }

                var match = next < lines.Length ? ClaimComment.Match(lines[next].Trim()) : Match.Empty;
                if (match.Success)
                {
                    var code = string.Join("\n", lines, start, end - start);
                    examples.Add(new RulePageExample(Path.GetFileName(path), start + 1, code, match.Groups["claim"].Value));
                }

                i = end;
            }

            return examples;
        }
    }
}
