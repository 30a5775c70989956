using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>Finds the function (method, lambda, local function) an operation runs in, and whether it is async.</summary>
    internal static class AsyncCode
    {
        /// <summary>
        /// The innermost function around <paramref name="operation"/>: a lambda, anonymous method or local function
        /// operation, or the root of the member body (then <paramref name="method"/> is the containing member).
        /// </summary>
        public static IOperation EnclosingFunction(IOperation operation, ISymbol containingSymbol, out IMethodSymbol? method)
        {
            var current = operation;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation lambda:
                        method = lambda.Symbol;
                        return lambda;
                    case ILocalFunctionOperation local:
                        method = local.Symbol;
                        return local;
                }

                current = parent;
            }

            method = containingSymbol as IMethodSymbol;
            return current;
        }

        /// <summary>True when the innermost function around the operation is declared <c>async</c>.</summary>
        public static bool IsInAsyncFunction(IOperation operation, ISymbol containingSymbol, out IOperation function)
        {
            function = EnclosingFunction(operation, containingSymbol, out var method);
            return method is { IsAsync: true };
        }

        /// <summary>
        /// An async entry point (<c>async Task Main</c>, top-level statements with <c>await</c>) runs on the main thread
        /// until its first await, and that thread has nothing else to do: a blocking call there holds up no other work
        /// (no pool thread, no UI). True when <paramref name="operation"/> runs only there: before every await of the
        /// body in source order, and not in a loop that awaits (its later iterations run after an await).
        /// </summary>
        public static bool RunsBeforeFirstAwaitOfEntryPoint(IOperation operation, IOperation function, ISymbol containingSymbol)
        {
            if (function is IAnonymousFunctionOperation or ILocalFunctionOperation
                || !SocketAnalyzers.Flow.Tracking.ProcessLifetime.IsEntryPoint(containingSymbol))
            {
                return false;
            }

            var position = operation.Syntax.SpanStart;
            foreach (var node in function.Syntax.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (IsAwait(node) && (node.SpanStart < position || InSameLoop(node, operation.Syntax)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The body of a synchronous entry point that is not <c>[STAThread]</c> (a console <c>static void Main</c>, or
        /// top-level statements without an await), not a lambda or local function in it: its thread runs with no
        /// synchronization context, so a wait there cannot deadlock on a continuation, and the thread has nothing else
        /// to do (the process's work is what it waits for). A UI program's <c>Main</c> is STA and installs a context.
        /// </summary>
        public static bool IsSynchronousConsoleEntryPoint(IOperation function, ISymbol containingSymbol) =>
            function is not (IAnonymousFunctionOperation or ILocalFunctionOperation)
            && containingSymbol is IMethodSymbol { IsAsync: false } method
            && method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" }
            && SocketAnalyzers.Flow.Tracking.ProcessLifetime.IsEntryPoint(method)
            && !HasStaThread(method);

        private static bool HasStaThread(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "STAThreadAttribute" or "STAThread" })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAwait(SyntaxNode node) => node switch
        {
            AwaitExpressionSyntax => true,
            ForEachStatementSyntax loop => loop.AwaitKeyword.RawKind != 0,
            UsingStatementSyntax statement => statement.AwaitKeyword.RawKind != 0,
            LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword.RawKind != 0,
            _ => false,
        };

        /// <summary>Both nodes sit in one loop: the second runs again after the first.</summary>
        private static bool InSameLoop(SyntaxNode awaited, SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax
                    && current.Span.Contains(awaited.Span))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the operation sits inside a <c>lock</c> statement of its own function.</summary>
        public static bool IsInLock(IOperation operation, IOperation function)
        {
            for (var current = operation.Parent; current is not null && current != function; current = current.Parent)
            {
                if (current is ILockOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
