using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Tests.Fuzz.Mutations
{
    /// <summary>Deletes one brace: blocks, types and namespaces that end too early or never end.</summary>
    internal sealed class DropBrace : IMutation
    {
        public AppliedMutation? Apply(string text, Random random)
        {
            var braces = SourceTokens.Of(text).Where(token => token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.CloseBraceToken)).ToArray();
            if (braces.Length == 0)
            {
                return null;
            }

            var brace = braces[random.Next(braces.Length)];
            return new AppliedMutation($"drop '{brace.Text}' at {brace.SpanStart}", SourceTokens.Replace(text, brace.Span, string.Empty));
        }
    }
}
