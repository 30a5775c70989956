using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Summaries of the methods of one compilation, computed on first use and shared by every method analysed
    /// in it (thread-safe: two threads may compute the same summary; both get equal results). Only methods whose
    /// body is the one that runs are summarised: not virtual, abstract, extern or partial.
    /// </summary>
    internal sealed class SummaryCache
    {
        private readonly FlowContext context;
        private readonly ConcurrentDictionary<IMethodSymbol, Entry> entries = new ConcurrentDictionary<IMethodSymbol, Entry>(SymbolEqualityComparer.Default);

        // One semantic model per tree: callees in the same file share its binding caches.
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        // One graph per method body: a summarised callee's graph serves the callee's own analysis later, and the driver's
        // graph of a body already analysed serves its summary (the driver caches graphs for its own requests only).
        private readonly ConditionalWeakTable<IOperation, ControlFlowGraph> graphs = new ConditionalWeakTable<IOperation, ControlFlowGraph>();

        public SummaryCache(FlowContext context) => this.context = context;

        /// <summary>
        /// Offers the semantic model the driver built for a tree (the one an analysed operation came from): summaries
        /// of callees in that tree then reuse its binding instead of binding their bodies a second time.
        /// </summary>
        public void OfferModel(SemanticModel? model)
        {
            if (model is not null && !this.models.ContainsKey(model.SyntaxTree))
            {
                this.models.TryAdd(model.SyntaxTree, model);
            }
        }

        /// <summary>
        /// The graph of a method body (an <see cref="IMethodBodyOperation"/>, the root of its operations), from
        /// <paramref name="create"/> the first time: a graph is a function of the operations, so one serves both the
        /// body's summary and its own analysis (on the generated corpus, a fifth of the graphs the flow host needed).
        /// </summary>
        public ControlFlowGraph GraphOf(IOperation body, ConditionalWeakTable<IOperation, ControlFlowGraph>.CreateValueCallback create) =>
            this.graphs.GetValue(body, create);

        /// <summary>The semantic model of <paramref name="tree"/>, shared by everything this compilation's analysis binds again.</summary>
        public SemanticModel GetModel(SyntaxTree tree) => this.models.GetOrAdd(tree, this.CreateModel);

        /// <summary>
        /// The summary of <paramref name="method"/> for a caller at <paramref name="depth"/>, or <see langword="null"/>
        /// (the call is unknown). <paramref name="refused"/> is set when depth or recursion prevented one.
        /// </summary>
        public MethodSummary? Get(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken, out bool refused)
        {
            refused = false;
            method = method.OriginalDefinition;
            if (!this.IsSummarisable(method, cancellationToken))
            {
                return null;
            }

            var remaining = FlowBudget.MaxSummaryDepth - depth;
            if (this.entries.TryGetValue(method, out var cached) && (!cached.IsTruncated || cached.Remaining >= remaining))
            {
                refused = cached.IsTruncated;
                return cached.Summary;
            }

            if (remaining <= 0 || callers.Contains(method))
            {
                refused = true;
                return null;
            }

            var entry = this.Compute(method, depth + 1, callers.Add(method), remaining, cancellationToken);
            this.entries[method] = entry;
            refused = entry.IsTruncated;
            return entry.Summary;
        }

        private bool IsSummarisable(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || method.IsVirtual || method.IsOverride || method.PartialImplementationPart is not null
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension)
                || method.DeclaringSyntaxReferences.Length != 1
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.context.Compilation.Assembly))
            {
                return false;
            }

            // Only methods that can do something to a socket are worth a summary; a factory of one of the program's
            // socket owners returns one.
            if (this.context.Symbols.TryGetApi(method.ReturnType, out _) || this.context.Owners.OfResult(method.ReturnType, cancellationToken) is not null)
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (this.context.Symbols.TryGetApi(parameter.Type, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private Entry Compute(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, int remaining, CancellationToken cancellationToken)
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var model = this.models.GetOrAdd(syntax.SyntaxTree, this.CreateModel);
            if (model.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body)
            {
                return new Entry(null, false, remaining);
            }

            var graph = this.GraphOf(body, root => ControlFlowGraph.Create((IMethodBodyOperation)root, cancellationToken));
            if (graph.Blocks.Length > FlowBudget.MaxSummaryBlocks)
            {
                return new Entry(null, false, remaining);
            }

            var analysis = new GraphAnalysis(graph, this.context, method, summaryMode: true, depth, callers, cancellationToken);
            if (!analysis.Run())
            {
                return new Entry(null, analysis.IsTruncated, remaining);
            }

            return new Entry(Summarise(method, analysis), analysis.IsTruncated, remaining);
        }

#pragma warning disable RS1030 // The callee's operation tree is needed and the driver offers no other way to reach it; one model per tree per compilation.
        private SemanticModel CreateModel(SyntaxTree tree) => this.context.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        private static MethodSummary? Summarise(IMethodSymbol method, GraphAnalysis analysis)
        {
            if (analysis.NormalExitState is not { } exit)
            {
                return null;
            }

            var parameters = ImmutableArray.CreateBuilder<ParameterEffect?>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                var origin = parameter.RefKind == RefKind.Out ? null : analysis.Objects.ForSymbol(parameter, SocketOriginKind.Parameter);
                if (origin is not null && exit.GetObject(origin.Id) is { } value && analysis.Context.Symbols.TryGetApi(parameter.Type, out _))
                {
                    var relation = value.Relation.IsEmpty ? StateRelation.Unknown : value.Relation;
                    parameters.Add(new ParameterEffect(relation, value.Ownership, value.Causes));
                }
                else
                {
                    parameters.Add(null);
                }
            }

            return new MethodSummary(parameters.MoveToImmutable(), ReturnedValue(analysis, exit), !method.IsStatic || analysis.HasUnknownCalls);
        }

        /// <summary>The returned value, when every returned object was created in the method (so the caller owns it).</summary>
        private static SocketValue? ReturnedValue(GraphAnalysis analysis, FlowState exit)
        {
            var returned = analysis.Returned;
            if (returned.MayBeUntracked || returned.HasNoObject)
            {
                return null;
            }

            SocketValue? result = null;
            foreach (var id in returned)
            {
                var origin = analysis.Objects.Get(id);
                if (origin.Kind is not (SocketOriginKind.Creation or SocketOriginKind.Accepted or SocketOriginKind.SummarizedCall)
                    || exit.GetObject(id) is not { } value)
                {
                    return null;
                }

                result = result is null ? value : result.Join(value);
            }

            // The caller owns what the callee made and handed over, unless the callee also kept it somewhere or
            // closed it (then the caller's copy is not its to dispose).
            var owned = (result?.Ownership & (Ownership.Escaped | Ownership.Held | Ownership.Disposed | Ownership.Unknown)) == Ownership.None;
            return result is null ? null : new SocketValue(result.Api, result.Kind, result.States, owned ? Ownership.Owned : Ownership.Unknown, result.Causes, default);
        }

        private sealed class Entry
        {
            public Entry(MethodSummary? summary, bool isTruncated, int remaining)
            {
                this.Summary = summary;
                this.IsTruncated = isTruncated;
                this.Remaining = remaining;
            }

            public MethodSummary? Summary { get; }

            public bool IsTruncated { get; }

            public int Remaining { get; }
        }
    }
}
