using System;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one token: a lost identifier, keyword, operator or parenthesis.</summary>
    internal sealed class DeleteToken : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var tokens = SourceTokens.Of(text);
            if (tokens.IsEmpty)
            {
                return null;
            }

            var token = tokens[random.Next(tokens.Length)];
            return new AppliedMutation($"delete token '{SourceTokens.Show(token.Text)}' at {token.SpanStart}", SourceTokens.Replace(text, token.Span, string.Empty));
        }
    }
}
