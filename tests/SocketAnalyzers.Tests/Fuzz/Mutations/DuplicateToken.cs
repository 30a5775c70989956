using System;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Writes one token twice: <c>s.Listen Listen(1)</c>, <c>new new Socket</c>, <c>;;</c>, <c>((</c>.</summary>
    internal sealed class DuplicateToken : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var tokens = SourceTokens.Of(text);
            if (tokens.IsEmpty)
            {
                return null;
            }

            var token = tokens[random.Next(tokens.Length)];
            return new AppliedMutation(
                $"duplicate token '{SourceTokens.Show(token.Text)}' at {token.SpanStart}",
                SourceTokens.Replace(text, new TextSpan(token.Span.End, 0), " " + token.Text));
        }
    }
}
