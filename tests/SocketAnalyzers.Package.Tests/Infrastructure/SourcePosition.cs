using System;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>A 1-based line and column, as the compiler prints them, computed from the source rather than hard-coded.</summary>
    public readonly record struct SourcePosition(int Line, int Column)
    {
        /// <summary>Where <paramref name="snippet"/> first starts in <paramref name="source"/> (which must contain it exactly once).</summary>
        public static SourcePosition Of(string source, string snippet)
        {
            var index = source.IndexOf(snippet, StringComparison.Ordinal);
            if (index < 0 || source.IndexOf(snippet, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException($"'{snippet}' must occur exactly once in the source.", nameof(snippet));
            }

            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (source[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new SourcePosition(line, index - lineStart + 1);
        }

        public override string ToString() => $"({Line},{Column})";
    }
}
