using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.CodeFixes.Reliability
{
    /// <summary>
    /// Picks the outermost <c>System.…</c> qualified names and member accesses of generated code, for the simplifier
    /// (the user's own expressions are left as written).
    /// </summary>
    internal static class QualifiedNames
    {
        public static IEnumerable<SyntaxNode> OfQualifiedNames(this IEnumerable<SyntaxNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (node.ToString().StartsWith("System.", System.StringComparison.Ordinal)
                    && ((node is QualifiedNameSyntax && node.Parent is not QualifiedNameSyntax)
                        || (node is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax } && node.Parent is not MemberAccessExpressionSyntax)))
                {
                    yield return node;
                }
            }
        }
    }
}
