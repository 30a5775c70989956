using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The fixpoint over one control-flow graph: a forward analysis that sweeps the blocks in order until no entry
    /// state changes, joins at merges, widens blocks visited too often, and follows the graph's exception regions.
    /// A final replay pass over the settled states records the protocol steps.
    /// </summary>
    internal sealed partial class GraphAnalysis
    {
        private readonly ControlFlowGraph graph;
        private readonly ImmutableHashSet<IMethodSymbol> callers;
        private readonly int depth;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ISymbol> captured = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly List<ProtocolStep> steps = new List<ProtocolStep>();
        private readonly List<IFlowAnonymousFunctionOperation> functions = new List<IFlowAnonymousFunctionOperation>();
        private readonly HashSet<int> recreatedWhileOwned = new HashSet<int>();
        private readonly FlowState?[] entry;
        private readonly bool[] dirty;
        private readonly FlowState?[] exceptionEntry;
        private readonly bool[] exceptionDirty;
        private readonly Dictionary<int, PointsTo> wrappers = new Dictionary<int, PointsTo>();
        private readonly Dictionary<IMethodSymbol, HandedValues> handed = new Dictionary<IMethodSymbol, HandedValues>(SymbolEqualityComparer.Default);
        private FlowState? exceptionalExit;
        private int restartAt = int.MaxValue;
        private PointsTo returned;

        public GraphAnalysis(ControlFlowGraph graph, FlowContext context, ISymbol? owner, bool summaryMode, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
        {
            this.graph = graph;
            this.Context = context;
            this.Owner = owner;
            this.SummaryMode = summaryMode;
            this.depth = depth;
            this.callers = callers;
            this.cancellationToken = cancellationToken;
            this.entry = new FlowState?[graph.Blocks.Length];
            this.dirty = new bool[graph.Blocks.Length];
            this.exceptionEntry = new FlowState?[graph.Blocks.Length];
            this.exceptionDirty = new bool[graph.Blocks.Length];
        }

        public FlowContext Context { get; }

        public CancellationToken CancellationToken => this.cancellationToken;

        public ISymbol? Owner { get; }

        /// <summary>True while a method summary is computed: parameters carry a state relation.</summary>
        public bool SummaryMode { get; }

        public ObjectTable Objects { get; } = new ObjectTable();

        public VariableTable Variables { get; } = new VariableTable();

        /// <summary>Set when some variable is a field or property: unknown calls must then forget their states.</summary>
        public bool HasMemberVariables { get; set; }

        /// <summary>Set when the body calls code with no summary (a summary then says it may touch members).</summary>
        public bool HasUnknownCalls { get; set; }

        /// <summary>A handler every caller runs on a thread without a catch: an exception it lets out ends the process.</summary>
        public bool ExceptionEndsProcess { get; private set; }

        /// <summary>Set when a summary was refused for depth or recursion: this analysis' own summary is partial.</summary>
        public bool IsTruncated { get; private set; }

        /// <summary>The wrappers (TcpClient, UdpClient, TcpListener) whose inner socket a wrapped object may be.</summary>
        public bool TryGetWrapper(int wrapped, out PointsTo owners) => this.wrappers.TryGetValue(wrapped, out owners);

        public void LinkWrapper(int wrapped, PointsTo owners) =>
            this.wrappers[wrapped] = this.wrappers.TryGetValue(wrapped, out var known) ? known.Union(owners) : owners;

        /// <summary>The run-once hand-offs of this body (<see cref="RunOnceSinks"/>), found when the analysis starts.</summary>
        public RunOnceSinks Sinks { get; private set; } = RunOnceSinks.None;

        /// <summary>For a function analysed on its own: what a run-once hand-off moved into it (set before <see cref="Run"/>).</summary>
        public HandedValues? Seeds { get; set; }

        /// <summary>During the replay: <paramref name="values"/> move into <paramref name="function"/> at a run-once hand-off.</summary>
        public void RecordHandOff(IMethodSymbol function, HandedValues values) =>
            this.handed[function] = this.handed.TryGetValue(function, out var known) ? known.Join(values) : values;

        public bool IsCaptured(ISymbol symbol) => this.captured.Count != 0 && this.captured.Contains(symbol);

        public void AddStep(ProtocolStep step) => this.steps.Add(step);

        public void OnNestedFunction(IFlowAnonymousFunctionOperation function, bool recording)
        {
            if (recording)
            {
                this.functions.Add(function);
            }
        }

        public MethodSummary? GetSummary(IMethodSymbol method)
        {
            var summary = this.Context.Summaries.Get(method, this.depth, this.callers, this.cancellationToken, out var refused);
            this.IsTruncated |= refused;
            return summary;
        }

        /// <summary>Runs the fixpoint; false when a budget was exceeded (the result must not be used).</summary>
        public bool Run()
        {
            var blocks = this.graph.Blocks;
            if (blocks.Length > FlowBudget.MaxBlocks)
            {
                return false;
            }

            CapturedVariables.Collect(this.graph.OriginalOperation, this.captured);
            this.CollectCaptureScopes(this.graph.Root);
            this.Sinks = RunOnceSinks.Find(this.graph.OriginalOperation);
            foreach (var local in this.Sinks.HandedLocals)
            {
                this.captured.Remove(local);
            }

            this.entry[0] = this.InitialState();
            this.dirty[0] = true;
            var visits = new int[blocks.Length];
            var budget = (blocks.Length * FlowBudget.VisitsPerBlockOnAverage) + 64;
            var transfer = new TransferFunctions(this);

            // Always the lowest dirty block first (blocks are numbered in a reverse-postorder-like order): an inner
            // loop settles before the code after it runs, so each block is revisited only when its entry grows.
            var ordinal = 0;
            while (ordinal < blocks.Length)
            {
                if (!this.dirty[ordinal] && !this.exceptionDirty[ordinal])
                {
                    ordinal++;
                    continue;
                }

                this.cancellationToken.ThrowIfCancellationRequested();
                if (--budget < 0)
                {
                    return false;
                }

                if (++visits[ordinal] > FlowBudget.MaxVisitsPerBlock)
                {
                    this.entry[ordinal]?.Widen();
                    this.exceptionEntry[ordinal]?.Widen();
                }

                this.restartAt = int.MaxValue;

                // A block of a finally may run twice: on the normal ways out, and with an exception in flight.
                if (this.exceptionDirty[ordinal])
                {
                    this.exceptionDirty[ordinal] = false;
                    this.ProcessOnException(blocks[ordinal], transfer);
                }

                if (this.dirty[ordinal])
                {
                    this.dirty[ordinal] = false;
                    this.Process(blocks[ordinal], transfer, record: false);
                }

                ordinal = this.restartAt <= ordinal ? this.restartAt : ordinal + 1;
            }

            return true;
        }

        /// <summary>Replays every reachable block once on its settled entry state, recording the steps.</summary>
        public SocketFlowResult Replay()
        {
            var transfer = new TransferFunctions(this);
            foreach (var block in this.graph.Blocks)
            {
                this.cancellationToken.ThrowIfCancellationRequested();
                if (this.entry[block.Ordinal] is { } state)
                {
                    // The settled entry states are not needed after the replay, but for the exit block's.
                    transfer.Transfer(block, block.Kind == BasicBlockKind.Exit ? state.Clone() : state, record: true);
                    transfer.TransferBranchValue(block);
                }
            }

            var nested = ImmutableArray.CreateBuilder<SocketFlowResult>();
            var bodies = this.functions.Count == 0 && this.graph.LocalFunctions.IsEmpty ? null : this.NestedBodies();
            foreach (var function in this.functions)
            {
                this.handed.TryGetValue(function.Symbol, out var seeds);
                if (seeds is null && this.TouchesNoSocket(bodies, function.Symbol))
                {
                    continue;
                }

                var inner = this.graph.GetAnonymousFunctionControlFlowGraph(function, this.cancellationToken);
                nested.Add(SocketFlowAnalysis.AnalyzeNested(inner, this.Context, function.Symbol, seeds, this.cancellationToken));
            }

            foreach (var localFunction in this.graph.LocalFunctions)
            {
                this.handed.TryGetValue(localFunction, out var seeds);
                if (seeds is null && this.TouchesNoSocket(bodies, localFunction))
                {
                    continue;
                }

                var inner = this.graph.GetLocalFunctionControlFlowGraph(localFunction, this.cancellationToken);
                nested.Add(SocketFlowAnalysis.AnalyzeNested(inner, this.Context, localFunction, seeds, this.cancellationToken));
            }

            var result = new SocketFlowResult(
                this.graph,
                this.Owner,
                true,
                this.Objects.Origins,
                this.steps.ToImmutableArray(),
                this.Exit(this.NormalExitState, this.returned),
                this.Exit(this.exceptionalExit, default),
                nested.ToImmutable());
            if (this.recreatedWhileOwned.Count > 0)
            {
                var ids = new List<int>(this.recreatedWhileOwned);
                ids.Sort();
                result.RecreatedWhileOwned = ids.ToImmutableArray();
            }

            this.AddFieldFacts(result);
            return result;
        }

        /// <summary>During the replay: <paramref name="id"/> is created again while its previous incarnation is still owned.</summary>
        public void NoteRecreatedWhileOwned(int id) => this.recreatedWhileOwned.Add(id);

        public FlowState? NormalExitState => this.entry[this.graph.Blocks.Length - 1];

        public PointsTo Returned => this.returned;

        private FlowExit Exit(FlowState? state, PointsTo returnedObjects)
        {
            if (state is null)
            {
                return new FlowExit(false, ImmutableArray<TrackedSocket>.Empty, default, null);
            }

            var objects = ImmutableArray.CreateBuilder<TrackedSocket>();
            foreach (var origin in this.Objects.Origins)
            {
                if (state.GetObject(origin.Id) is { } value)
                {
                    objects.Add(new TrackedSocket(origin, value));
                }
            }

            return new FlowExit(true, objects.ToImmutable(), returnedObjects, state);
        }

        /// <summary>The lambdas and local functions of this graph's operations (nested ones included), by symbol.</summary>
        private Dictionary<IMethodSymbol, IOperation> NestedBodies()
        {
            var bodies = new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var operation in this.graph.OriginalOperation.Descendants())
            {
                switch (operation)
                {
                    case IAnonymousFunctionOperation lambda:
                        bodies[lambda.Symbol] = lambda;
                        break;
                    case ILocalFunctionOperation local:
                        bodies[local.Symbol] = local;
                        break;
                }
            }

            return bodies;
        }

        /// <summary>
        /// A function that nothing was handed to and whose operations (its own lambdas' included) touch no socket type has
        /// nothing to report: no socket is created, used, stored or read in it, so its analysis would find no object and
        /// no step. Skipping it skips its graph too (the bail-out of <see cref="SocketUsage"/>, applied to nested functions).
        /// </summary>
        private bool TouchesNoSocket(Dictionary<IMethodSymbol, IOperation>? bodies, IMethodSymbol function) =>
            bodies is not null && bodies.TryGetValue(function, out var body) && !SocketUsage.Touches(body, this.Context.Symbols, this.Context.Owners, this.cancellationToken);

        private FlowState InitialState()
        {
            var state = new FlowState(this.Variables);
            if (this.Owner is IMethodSymbol method)
            {
                // A handler method's own analysis (not its summary, which tells callers what it does to their sockets).
                var handed = this.SummaryMode || this.Seeds is not null ? null : this.Context.Handlers.Get(method, this.cancellationToken);
                this.ExceptionEndsProcess = handed?.ExceptionEndsProcess == true;
                foreach (var parameter in method.Parameters)
                {
                    if (handed is not null && handed.Apis[parameter.Ordinal] is { } handedApi
                        && this.Objects.ForSymbol(parameter, SocketOriginKind.HandedParameter) is { } handedOrigin)
                    {
                        // Owned from entry; its state is whatever the callers' was. A lambda or local function that
                        // captures the parameter is not followed: it may close or keep it, so it is not this body's alone.
                        state.SetObject(handedOrigin.Id, SocketValue.UnknownOf(handedApi, Kinds.Of(handedApi)).WithOwnership(this.IsCaptured(parameter) ? Ownership.Escaped : Ownership.Owned));
                        state.SetVariable(FlowVariable.Of(parameter), PointsTo.Object(handedOrigin.Id));
                        continue;
                    }

                    if (parameter.RefKind == RefKind.Out
                        || !this.Context.Symbols.TryGetApi(parameter.Type, out var api)
                        || this.Objects.ForSymbol(parameter, SocketOriginKind.Parameter) is not { } origin)
                    {
                        continue;
                    }

                    // A parameter is in an unknown state and not this method's to dispose. While summarising, it also
                    // carries the identity relation, so that its exit value says what the method did to each state.
                    var value = SocketValue.UnknownOf(api, Kinds.Of(api));
                    if (this.SummaryMode)
                    {
                        value = value.WithStates(Protocol.SocketStates.Any, StateRelation.Identity);
                    }

                    if (this.IsCaptured(parameter))
                    {
                        // Captured by a lambda or local function, which may keep or close it: callers hand it on here.
                        value = value.WithOwnership(value.Ownership | Ownership.Escaped);
                    }

                    state.SetObject(origin.Id, value);
                    // A parameter may be null: a null test on it must not make either branch unreachable.
                    state.SetVariable(FlowVariable.Of(parameter), PointsTo.Object(origin.Id).Union(PointsTo.Null));
                }
            }

            this.Seeds?.Apply(this, state);
            return state;
        }
    }
}
