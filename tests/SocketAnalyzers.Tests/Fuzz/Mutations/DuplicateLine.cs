using System;
using System.Collections.Generic;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Writes one line twice: a second declaration of a local, a second Bind, an extra closing brace.</summary>
    internal sealed class DuplicateLine : LineMutation
    {
        protected override string Edit(List<string> lines, Random random)
        {
            var index = random.Next(lines.Count);
            lines[index] = SourceLines.Terminated(lines[index]);
            lines.Insert(index, lines[index]);
            return $"duplicate line {index + 1} '{SourceLines.Show(lines[index])}'";
        }
    }
}
