using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>The C# tokens of a text (as the lexer sees them, whatever the syntax), for token-level mutations.</summary>
    internal static class SourceTokens
    {
        public static ImmutableArray<SyntaxToken> Of(string text) =>
            SyntaxFactory.ParseTokens(text, options: new CSharpParseOptions(LanguageVersion.Latest))
                .Where(token => !token.IsKind(SyntaxKind.EndOfFileToken) && token.Span.Length > 0)
                .ToImmutableArray();

        public static string Replace(string text, TextSpan span, string replacement) =>
            string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));

        /// <summary>A short, one-line rendering of a token for mutation descriptions.</summary>
        public static string Show(string tokenText) =>
            tokenText.Length > 40 ? tokenText[..40].ReplaceLineEndings(" ") + "…" : tokenText.ReplaceLineEndings(" ");
    }
}
