using System;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Inserts an opening or closing brace before a random token.</summary>
    internal sealed class InsertBrace : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var tokens = SourceTokens.Of(text);
            var offset = tokens.IsEmpty ? text.Length : tokens[random.Next(tokens.Length)].SpanStart;
            var brace = random.Next(2) == 0 ? "{" : "}";
            return new AppliedMutation($"insert '{brace}' at {offset}", SourceTokens.Replace(text, new TextSpan(offset, 0), brace + " "));
        }
    }
}
