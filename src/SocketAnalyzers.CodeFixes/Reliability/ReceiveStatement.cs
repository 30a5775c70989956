using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.CodeFixes.Reliability
{
    /// <summary>The statement a discarded receive stands in: <c>r;</c>, <c>await r;</c> or <c>_ = r;</c> (no ConfigureAwait).</summary>
    internal static class ReceiveStatement
    {
        public static ExpressionStatementSyntax? Find(InvocationExpressionSyntax invocation)
        {
            ExpressionSyntax current = invocation;
            if (current.Parent is AwaitExpressionSyntax awaited)
            {
                current = awaited;
            }

            if (current.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard && discard.Right == current)
            {
                current = discard;
            }

            return current.Parent as ExpressionStatementSyntax;
        }
    }
}
