using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Writes one token twice: <c>s.Listen Listen(1)</c>, <c>new new Socket</c>, <c>;;</c>, <c>((</c>.</summary>
    internal sealed class DuplicateToken : TokenMutation
    {
        protected override AppliedMutation Edit(string text, SyntaxToken token, Random random) =>
            new($"duplicate token '{SourceTokens.Show(token.Text)}' at {token.SpanStart}", SourceTokens.Replace(text, new TextSpan(token.Span.End, 0), " " + token.Text));
    }
}
