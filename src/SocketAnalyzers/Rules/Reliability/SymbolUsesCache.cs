using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Every reference to a local, parameter or field in a function, in source order, from one walk per function (the
    /// <see cref="FunctionFacts"/> pattern): SOCK401 asks, per receive, how its buffer is used after it, and asking by
    /// walking the function each time would be quadratic in a long method. Keyed weakly by the function's operation.
    /// </summary>
    internal sealed class SymbolUsesCache
    {
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];
        private readonly ConditionalWeakTable<IOperation, Uses> table = new();
        private readonly ConditionalWeakTable<IOperation, Uses>.CreateValueCallback create = function => new Uses(function);

        /// <summary>The references to <paramref name="symbol"/> in <paramref name="function"/>, in source order.</summary>
        public IReadOnlyList<IOperation> Of(IOperation function, ISymbol symbol) =>
            this.table.GetValue(function, this.create).Get(symbol) ?? None;

        private sealed class Uses
        {
            private readonly IOperation function;
            private Dictionary<ISymbol, List<IOperation>>? map;

            public Uses(IOperation function) => this.function = function;

            public List<IOperation>? Get(ISymbol symbol)
            {
                var built = Volatile.Read(ref this.map);
                if (built is null)
                {
                    Interlocked.CompareExchange(ref this.map, Build(this.function), null);
                    built = Volatile.Read(ref this.map)!;
                }

                return built.TryGetValue(symbol, out var list) ? list : null;
            }

            private static Dictionary<ISymbol, List<IOperation>> Build(IOperation function)
            {
                var map = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                foreach (var operation in function.Descendants())
                {
                    if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                        && BlockingSocketCall.ReferencedSymbol(operation) is { } symbol)
                    {
                        if (!map.TryGetValue(symbol, out var list))
                        {
                            map[symbol] = list = new List<IOperation>();
                        }

                        list.Add(operation);
                    }
                }

                return map;
            }
        }
    }
}
