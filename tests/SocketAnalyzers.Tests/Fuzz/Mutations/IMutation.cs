using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>One kind of edit the fuzzer makes to a sample, the kind of damage typing and merging do to code.</summary>
    internal interface IMutation
    {
        /// <summary>Edits <paramref name="text"/> at a place <paramref name="random"/> picks; null when nothing fits (no brace to drop).</summary>
        AppliedMutation? Apply(string text, Random random);
    }
}
