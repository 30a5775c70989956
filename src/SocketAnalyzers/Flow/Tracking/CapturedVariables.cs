using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The locals and parameters a lambda or local function captures. The analysis does not follow them: a
    /// captured variable may change whenever the delegate runs, so it holds an untracked value (Roslyn's own
    /// analyses bail out on escaping lambdas the same way).
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
