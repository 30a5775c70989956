using Microsoft.CodeAnalysis;
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
