using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace SocketAnalyzers.CodeFixes.Performance
{
    /// <summary>Syntax and binding helpers shared by the fixes that turn blocking socket code into awaited code.</summary>
    internal static class AsyncRewriting
    {
        /// <summary>
        /// The CancellationToken local or parameter in scope at <paramref name="position"/> that is declared closest
        /// before it (the innermost function's parameter, or the latest local), or null.
        /// </summary>
        public static string? FindCancellationToken(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            string? best = null;
            var bestStart = -1;
            foreach (var symbol in model.LookupSymbols(position))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    _ => null,
                };
                if (type is not { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                    || symbol.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                var span = symbol.DeclaringSyntaxReferences[0].Span;
                if (span.End > position || span.Start <= bestStart)
                {
                    continue;
                }

                best = symbol.Name;
                bestStart = span.Start;
            }

            return best;
        }

        /// <summary>The type an awaited Task/ValueTask produces: T, or void for the non-generic ones; null when not a task.</summary>
        public static ITypeSymbol? AwaitedType(ITypeSymbol? type, Compilation compilation)
        {
            if (type is not INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } } task)
            {
                return null;
            }

            return task.TypeArguments.Length == 1 ? task.TypeArguments[0] : compilation.GetSpecialType(SpecialType.System_Void);
        }

        /// <summary>Whether the value of the expression is used (not a bare statement or a discard).</summary>
        public static bool IsValueUsed(ExpressionSyntax expression) =>
            expression.WalkUpParentheses().Parent is not ExpressionStatementSyntax
            && !(expression.WalkUpParentheses().Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } assignment
                && assignment.Parent is ExpressionStatementSyntax);

        /// <summary>Whether <c>await</c> may appear at this node: not in a lock, a query clause, or an unsafe context.</summary>
        public static bool CanAwaitHere(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LockStatementSyntax:
                    case QueryClauseSyntax:
                    case SelectOrGroupClauseSyntax:
                    case UnsafeStatementSyntax:
                        return false;
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }

        /// <summary><c>(await expression)</c>, the parentheses marked for removal where they are not needed.</summary>
        public static ExpressionSyntax Await(ExpressionSyntax expression, SyntaxNode original) =>
            SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(expression.WithoutTrivia()))
                .WithTriviaFrom(original)
                .WithAdditionalAnnotations(Simplifier.Annotation);

        private static SyntaxNode WalkUpParentheses(this SyntaxNode node)
        {
            while (node.Parent is ParenthesizedExpressionSyntax parent)
            {
                node = parent;
            }

            return node;
        }
    }
}
