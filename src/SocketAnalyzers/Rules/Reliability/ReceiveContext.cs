using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// What the receive rules share for one compilation (made in the compilation-start action, thread-safe): the socket
    /// symbols, the facts of each function, and the facts of the compilation's own receive helpers.
    /// </summary>
    internal sealed class ReceiveContext
    {
        public ReceiveContext(Compilation compilation, KnownSocketSymbols symbols)
        {
            this.Symbols = symbols;
            this.Functions = new FunctionFactsCache(symbols);
            this.Uses = new SymbolUsesCache();
            this.Helpers = new ReceiveHelperCache(compilation, this);
            this.DatagramSockets = new DatagramSocketCache(this.Helpers, this);
        }

        public NetworkReaderFieldCache NetworkReaders { get; } = new NetworkReaderFieldCache();

        /// <summary>The buffers of End calls, from their Begin calls.</summary>
        public ApmBuffer ApmBuffers { get; } = new ApmBuffer();

        public KnownSocketSymbols Symbols { get; }

        public FunctionFactsCache Functions { get; }

        public SymbolUsesCache Uses { get; }

        public ReceiveHelperCache Helpers { get; }

        public DatagramSocketCache DatagramSockets { get; }

        /// <summary>The facts of the innermost function around the operation.</summary>
        public FunctionFacts FunctionOf(IOperation operation, ISymbol containingSymbol) =>
            this.Functions.Get(AsyncCode.EnclosingFunction(operation, containingSymbol, out _));
    }
}
