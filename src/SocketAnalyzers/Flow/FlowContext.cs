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
        public FlowContext(Compilation compilation, KnownSocketSymbols symbols, bool unknownCallsKeepOwnership = false)
        {
            this.Compilation = compilation;
            this.Symbols = symbols;
            this.UnknownCallsKeepOwnership = unknownCallsKeepOwnership;
            this.Summaries = new SummaryCache(this);
            this.Handlers = new HandlerOwnership(this);
            this.Process = new ProcessLifetime(compilation, this.Summaries.GetModel);
            this.Owners = new SocketOwningTypes(this);
        }

        public Compilation Compilation { get; }

        public KnownSocketSymbols Symbols { get; }

        public SummaryCache Summaries { get; }

        /// <summary>Which parameters of a handler method it owns from entry (<see cref="HandlerOwnership"/>).</summary>
        public HandlerOwnership Handlers { get; }

        /// <summary>The program's own types that own a socket and are followed like one (<see cref="SocketOwningTypes"/>).</summary>
        public SocketOwningTypes Owners { get; }

        /// <summary>Which bodies run once per process, and which end it when an exception leaves them (<see cref="ProcessLifetime"/>).</summary>
        public ProcessLifetime Process { get; }

        /// <summary>
        /// False (the default, precision first): a socket passed to a method or constructor the analysis cannot see
        /// escapes, the callee may keep it. True: it stays owned by the caller unless the callee is known to keep it
        /// (an annotated parameter, a stream wrapper, a collection's Add). Only the lifetime rules set it.
        /// </summary>
        public bool UnknownCallsKeepOwnership { get; }
    }
}
