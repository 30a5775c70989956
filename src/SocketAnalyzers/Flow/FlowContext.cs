using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// Everything the flow analysis shares across the methods of one compilation: the resolved socket types and
    /// the cache of method summaries. Created in the compilation-start action; thread-safe.
    /// </summary>
    internal sealed class FlowContext
    {
        public FlowContext(Compilation compilation, KnownSocketSymbols symbols)
        {
            this.Compilation = compilation;
            this.Symbols = symbols;
            this.Summaries = new SummaryCache(this);
        }

        public Compilation Compilation { get; }

        public KnownSocketSymbols Symbols { get; }

        public SummaryCache Summaries { get; }
    }
}
