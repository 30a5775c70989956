using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Exchanges two lines: a use before its declaration, a Listen before its Bind, a brace out of place.</summary>
    internal sealed class SwapLines : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var lines = SourceLines.Of(text);
            if (lines.Count < 2)
            {
                return null;
            }

            var first = random.Next(lines.Count);
            var second = random.Next(lines.Count);
            (lines[first], lines[second]) = (SourceLines.Terminated(lines[second]), SourceLines.Terminated(lines[first]));
            return new AppliedMutation($"swap lines {first + 1} and {second + 1}", string.Concat(lines));
        }
    }
}
