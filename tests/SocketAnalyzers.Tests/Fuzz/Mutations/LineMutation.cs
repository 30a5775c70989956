using System;
using System.Collections.Generic;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>A mutation of the text's lines (each with its line break), which needs at least <see cref="MinimumLines"/>.</summary>
    internal abstract class LineMutation : IMutation
    {
        protected virtual int MinimumLines => 1;

        public AppliedMutation? Apply(string text, Random random)
        {
            var lines = SourceLines.Of(text);
            if (lines.Count < this.MinimumLines)
            {
                return null;
            }

            var description = this.Edit(lines, random);
            return new AppliedMutation(description, string.Concat(lines));
        }

        /// <summary>Edits <paramref name="lines"/> in place and says what it did.</summary>
        protected abstract string Edit(List<string> lines, Random random);
    }
}
