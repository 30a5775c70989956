using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// The outcome of one flow analysis of one body (a method, or a lambda or local function analysed on its own):
    /// the protocol steps in source order, the tracked objects, and the state at the normal and exceptional exits.
    /// When <see cref="IsComplete"/> is false a budget was hit and consumers report nothing.
    /// </summary>
    public sealed class SocketFlowResult
    {
        internal SocketFlowResult(
            ControlFlowGraph graph,
            ISymbol? owner,
            bool isComplete,
            ImmutableArray<SocketOrigin> objects,
            ImmutableArray<ProtocolStep> steps,
            FlowExit normalExit,
            FlowExit exceptionalExit,
            ImmutableArray<SocketFlowResult> nested)
        {
            this.Graph = graph;
            this.Owner = owner;
            this.IsComplete = isComplete;
            this.Objects = objects;
            this.Steps = steps;
            this.NormalExit = normalExit;
            this.ExceptionalExit = exceptionalExit;
            this.Nested = nested;
        }

        public ControlFlowGraph Graph { get; }

        /// <summary>The method, lambda or local function the graph belongs to.</summary>
        public ISymbol? Owner { get; }

        public bool IsComplete { get; }

        /// <summary>Every tracked object, indexed by <see cref="SocketOrigin.Id"/>.</summary>
        public ImmutableArray<SocketOrigin> Objects { get; }

        /// <summary>Every protocol operation on a socket-like receiver in a reachable block, in block order.</summary>
        public ImmutableArray<ProtocolStep> Steps { get; }

        public FlowExit NormalExit { get; }

        public FlowExit ExceptionalExit { get; }

        /// <summary>Lambdas and local functions of this body, each analysed on its own (captured variables are unknown).</summary>
        public ImmutableArray<SocketFlowResult> Nested { get; }

        /// <summary>
        /// Ids of objects created again (a creation or accept in a loop) while the previous one was still owned on some
        /// path: that one can no longer be closed. For accept loops whose normal exit is never reached.
        /// </summary>
        public ImmutableArray<int> RecreatedWhileOwned { get; internal set; } = ImmutableArray<int>.Empty;

        /// <summary>Every write to a socket-typed instance field or auto-property of <c>this</c> in a reachable block, in block order.</summary>
        public ImmutableArray<FieldStore> FieldStores { get; internal set; } = ImmutableArray<FieldStore>.Empty;

        /// <summary>
        /// Ids of objects created again in a loop while a field of this object still held the previous one, open on
        /// every path (<see cref="Lattice.Ownership.Held"/> alone): the new one replaces it there.
        /// </summary>
        public ImmutableArray<int> RecreatedWhileHeld { get; internal set; } = ImmutableArray<int>.Empty;

        /// <summary>
        /// <c>wrapper.Client = null</c> on a TcpClient or UdpClient the analysis tracks (<see cref="FieldStore.Previous"/>
        /// is the wrapper, <see cref="FieldStore.PreviousOwnership"/> its ownership there).
        /// </summary>
        public ImmutableArray<FieldStore> InnerSocketsDropped { get; internal set; } = ImmutableArray<FieldStore>.Empty;

        /// <summary>
        /// A function run by a thread or a thread-pool work item: an exception it does not catch terminates the
        /// process, and the system closes every descriptor with it (no leak on its exceptional exit).
        /// </summary>
        public bool ExceptionEndsProcess { get; internal set; }

        /// <summary>Set by the analysis: what the program's call sites say about this body (<see cref="ProcessLifetime"/>).</summary>
        internal ProcessLifetime? Process { get; set; }

        internal System.Threading.CancellationToken Cancellation { get; set; }

        /// <summary>
        /// The body runs at most once per process (the entry point, or what it calls or starts once): what it leaves
        /// open stays open once, until the process ends. Computed on first use, from the call sites.
        /// </summary>
        public bool RunsOncePerProcess => this.Process?.RunsOnce(this.Owner, this.Cancellation) ?? ProcessLifetime.IsEntryPoint(this.Owner);

        /// <summary>An exception leaving this body ends the process: a thread, work item or entry point, or only called from one without a catch.</summary>
        public bool ExceptionLeavingEndsProcess =>
            this.ExceptionEndsProcess || (this.Process?.ExceptionEndsProcess(this.Owner, this.Cancellation) ?? ProcessLifetime.IsEntryPoint(this.Owner));

        internal static SocketFlowResult Incomplete(ControlFlowGraph graph, ISymbol? owner)
        {
            var unreachable = new FlowExit(false, ImmutableArray<TrackedSocket>.Empty, default, null);
            return new SocketFlowResult(graph, owner, false, ImmutableArray<SocketOrigin>.Empty, ImmutableArray<ProtocolStep>.Empty, unreachable, unreachable, ImmutableArray<SocketFlowResult>.Empty);
        }
    }
}
