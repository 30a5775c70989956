using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one line: a lost declaration, statement, brace or half of a multi-line expression.</summary>
    internal sealed class DeleteLine : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var lines = SourceLines.Of(text);
            if (lines.Count == 0)
            {
                return null;
            }

            var index = random.Next(lines.Count);
            var removed = lines[index];
            lines.RemoveAt(index);
            return new AppliedMutation($"delete line {index + 1} '{SourceLines.Show(removed)}'", string.Concat(lines));
        }
    }
}
