using System;
using System.Collections.Generic;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Exchanges two lines: a use before its declaration, a Listen before its Bind, a brace out of place.</summary>
    internal sealed class SwapLines : LineMutation
    {
        protected override int MinimumLines => 2;

        protected override string Edit(List<string> lines, Random random)
        {
            var first = random.Next(lines.Count);
            var second = random.Next(lines.Count);
            (lines[first], lines[second]) = (SourceLines.Terminated(lines[second]), SourceLines.Terminated(lines[first]));
            return $"swap lines {first + 1} and {second + 1}";
        }
    }
}
