using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one brace: blocks, types and namespaces that end too early or never end.</summary>
    internal sealed class DropBrace : TokenMutation
    {
        protected override bool AppliesTo(SyntaxToken token) => token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.CloseBraceToken);

        protected override AppliedMutation Edit(string text, SyntaxToken token, Random random) =>
            new($"drop '{token.Text}' at {token.SpanStart}", SourceTokens.Replace(text, token.Span, string.Empty));
    }
}
