using System;
using System.Collections.Generic;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one line: a lost declaration, statement, brace or half of a multi-line expression.</summary>
    internal sealed class DeleteLine : LineMutation
    {
        protected override string Edit(List<string> lines, Random random)
        {
            var index = random.Next(lines.Count);
            var removed = lines[index];
            lines.RemoveAt(index);
            return $"delete line {index + 1} '{SourceLines.Show(removed)}'";
        }
    }
}
