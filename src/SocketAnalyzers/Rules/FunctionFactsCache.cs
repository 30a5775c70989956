using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules
{
    /// <summary>
    /// The <see cref="FunctionFacts"/> of each function, computed once. One per analyzer and compilation (created in
    /// the compilation-start action); thread-safe. Keyed weakly by the function's operation, so the facts go when the
    /// driver drops that operation tree.
    /// </summary>
    internal sealed class FunctionFactsCache
    {
        private readonly ConditionalWeakTable<IOperation, FunctionFacts> table = new();
        private readonly ConditionalWeakTable<IOperation, FunctionFacts>.CreateValueCallback create;

        public FunctionFactsCache(KnownSocketSymbols symbols)
        {
            this.create = function => new FunctionFacts(function, symbols);
        }

        public FunctionFacts Get(IOperation function) => this.table.GetValue(function, this.create);
    }
}
