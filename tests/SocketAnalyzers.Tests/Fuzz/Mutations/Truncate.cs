using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Cuts the file at a random character, as a file being typed from top to bottom looks.</summary>
    internal sealed class Truncate : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            if (text.Length == 0)
            {
                return null;
            }

            var offset = random.Next(text.Length);
            return new AppliedMutation($"truncate at {offset}", text[..offset]);
        }
    }
}
