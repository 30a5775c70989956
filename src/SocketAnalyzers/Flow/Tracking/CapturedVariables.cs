using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The locals and parameters a lambda or local function captures, and those aliased by <c>ref</c> locals. The
    /// analysis does not follow them: a captured variable may change whenever the delegate runs, an aliased one
    /// through its alias, so it holds an untracked value (Roslyn's own analyses bail out on escaping lambdas the same way).
    /// </summary>
    internal static class CapturedVariables
    {
        public static void Collect(IOperation? root, HashSet<ISymbol> captured)
        {
            if (root is null)
            {
                return;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None } refLocal)
                {
                    captured.Add(refLocal.Symbol);
                    AddReferenced(refLocal.Initializer?.Value, captured);
                    continue;
                }

                if (operation is ISimpleAssignmentOperation { IsRef: true } refAssignment)
                {
                    AddReferenced(refAssignment.Target, captured);
                    AddReferenced(refAssignment.Value, captured);
                    continue;
                }

                var function = operation switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is null)
                {
                    continue;
                }

                foreach (var inner in operation.Descendants())
                {
                    var symbol = inner switch
                    {
                        ILocalReferenceOperation local => (ISymbol)local.Local,
                        IParameterReferenceOperation parameter => parameter.Parameter,
                        _ => null,
                    };
                    if (symbol is not null && !IsDeclaredWithin(symbol, function))
                    {
                        captured.Add(symbol);
                    }
                }
            }
        }

        private static void AddReferenced(IOperation? operation, HashSet<ISymbol> captured)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    captured.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    captured.Add(parameter.Parameter);
                    break;
            }
        }

        private static bool IsDeclaredWithin(ISymbol symbol, ISymbol function)
        {
            for (var container = symbol.ContainingSymbol; container is not null; container = container.ContainingSymbol)
            {
                if (SymbolEqualityComparer.Default.Equals(container, function))
                {
                    return true;
                }

                if (container is INamedTypeSymbol)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
