using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Writes one line twice: a second declaration of a local, a second Bind, an extra closing brace.</summary>
    internal sealed class DuplicateLine : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var lines = SourceLines.Of(text);
            if (lines.Count == 0)
            {
                return null;
            }

            var index = random.Next(lines.Count);
            lines[index] = SourceLines.Terminated(lines[index]);
            lines.Insert(index, lines[index]);
            return new AppliedMutation($"duplicate line {index + 1} '{SourceLines.Show(lines[index])}'", string.Concat(lines));
        }
    }
}
