using System;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one token: a lost identifier, keyword, operator or parenthesis.</summary>
    internal sealed class DeleteToken : TokenMutation
    {
        protected override AppliedMutation Edit(string text, SyntaxToken token, Random random) =>
            new($"delete token '{SourceTokens.Show(token.Text)}' at {token.SpanStart}", SourceTokens.Replace(text, token.Span, string.Empty));
    }
}
