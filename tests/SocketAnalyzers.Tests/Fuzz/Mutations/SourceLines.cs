using System.Collections.Generic;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>A text as lines (each keeps its line break) for line-level mutations.</summary>
    internal static class SourceLines
    {
        public static List<string> Of(string text)
        {
            var lines = new List<string>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lines.Add(text[start..(i + 1)]);
                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                lines.Add(text[start..]);
            }

            return lines;
        }

        /// <summary>The line with its break normalized to one '\n', so a moved last line does not glue onto the next.</summary>
        public static string Terminated(string line) => line.EndsWith('\n') ? line : line + "\n";

        public static string Show(string line) => SourceTokens.Show(line.Trim());
    }
}
