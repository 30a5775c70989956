using System;
using System.Collections.Concurrent;
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

        /// <summary>The index of the first of <paramref name="uses"/> (in source order) that starts at or after <paramref name="position"/>.</summary>
        public static int FirstAtOrAfter(IReadOnlyList<IOperation> uses, int position)
        {
            int low = 0, high = uses.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (uses[middle].Syntax.SpanStart < position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>
        /// A fact about one symbol of a function, computed once (<paramref name="fact"/> names the question): a rule asks
        /// it per receive, and many receives share a buffer or a count local.
        /// </summary>
        public int Memo(IOperation function, ISymbol symbol, int fact, Func<IReadOnlyList<IOperation>, int> compute)
        {
            var uses = this.table.GetValue(function, this.create);
            var key = (symbol, fact);
            if (uses.Facts.TryGetValue(key, out var known))
            {
                return known;
            }

            var value = compute(uses.Get(symbol) ?? None);
            uses.Facts.TryAdd(key, value);
            return value;
        }

        private sealed class Uses
        {
            private readonly IOperation function;
            private Dictionary<ISymbol, List<IOperation>>? map;

            public Uses(IOperation function) => this.function = function;

            public ConcurrentDictionary<(ISymbol Symbol, int Fact), int> Facts { get; } = new(new KeyComparer());

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

                foreach (var list in map.Values)
                {
                    list.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
                }

                return map;
            }
        }

        private sealed class KeyComparer : IEqualityComparer<(ISymbol Symbol, int Fact)>
        {
            public bool Equals((ISymbol Symbol, int Fact) x, (ISymbol Symbol, int Fact) y) =>
                x.Fact == y.Fact && SymbolEqualityComparer.Default.Equals(x.Symbol, y.Symbol);

            public int GetHashCode((ISymbol Symbol, int Fact) key) => SymbolEqualityComparer.Default.GetHashCode(key.Symbol) * 31 + key.Fact;
        }
    }
}
