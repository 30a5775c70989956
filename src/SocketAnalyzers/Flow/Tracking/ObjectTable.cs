using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Gives each origin (creating operation, parameter, field) one stable object id for the whole analysis of a
    /// graph, so that every visit of a block in the fixpoint names the same abstract object.
    /// </summary>
    internal sealed class ObjectTable
    {
        private readonly Dictionary<object, SocketOrigin> byKey = new Dictionary<object, SocketOrigin>();
        private readonly List<SocketOrigin> origins = new List<SocketOrigin>();

        public int Count => this.origins.Count;

        public ImmutableArray<SocketOrigin> Origins => this.origins.ToImmutableArray();

        public SocketOrigin Get(int id) => this.origins[id];

        /// <summary>The origin for <paramref name="operation"/>, or <see langword="null"/> when the budget is spent.</summary>
        public SocketOrigin? ForOperation(IOperation operation, SocketOriginKind kind) =>
            this.GetOrAdd(operation, kind, operation, null);

        /// <summary>The origin for a parameter or member, or <see langword="null"/> when the budget is spent.</summary>
        public SocketOrigin? ForSymbol(ISymbol symbol, SocketOriginKind kind) =>
            this.GetOrAdd(new SymbolKey(symbol), kind, null, symbol);

        private SocketOrigin? GetOrAdd(object key, SocketOriginKind kind, IOperation? operation, ISymbol? symbol)
        {
            if (this.byKey.TryGetValue(key, out var origin))
            {
                return origin;
            }

            if (this.origins.Count >= FlowBudget.MaxTrackedObjects)
            {
                return null;
            }

            origin = new SocketOrigin(this.origins.Count, kind, operation, symbol);
            this.origins.Add(origin);
            this.byKey.Add(key, origin);
            return origin;
        }

        private readonly struct SymbolKey : System.IEquatable<SymbolKey>
        {
            private readonly ISymbol symbol;

            public SymbolKey(ISymbol symbol) => this.symbol = symbol;

            public bool Equals(SymbolKey other) => SymbolEqualityComparer.Default.Equals(this.symbol, other.symbol);

            public override bool Equals(object? obj) => obj is SymbolKey other && this.Equals(other);

            public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(this.symbol);
        }
    }
}
