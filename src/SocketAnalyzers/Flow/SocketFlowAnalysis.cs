using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Flow
{
    /// <summary>
    /// The typestate analysis of socket-like objects on Roslyn's <see cref="ControlFlowGraph"/>: one forward pass to
    /// a fixpoint per body, lambdas and local functions analysed on their own. See docs/architecture.md, "The flow engine".
    /// </summary>
    internal static class SocketFlowAnalysis
    {
        /// <summary>
        /// Analyses <paramref name="graph"/> (take it from the operation-block context: the driver shares it).
        /// Never throws but for cancellation; an exhausted budget gives an incomplete, empty result.
        /// </summary>
        public static SocketFlowResult Analyze(ControlFlowGraph graph, FlowContext context, ISymbol? owner, CancellationToken cancellationToken)
        {
            context.Summaries.OfferModel(graph.OriginalOperation.SemanticModel);
            var analysis = new GraphAnalysis(graph, context, owner, summaryMode: false, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);
            if (!analysis.Run())
            {
                return SocketFlowResult.Incomplete(graph, owner);
            }

            var result = analysis.Replay();
            result.ExceptionEndsProcess = analysis.ExceptionEndsProcess;
            result.Process = context.Process;
            result.Cancellation = cancellationToken;
            return result;
        }

        /// <summary>A lambda or local function; <paramref name="seeds"/> is what a run-once hand-off moved into it.</summary>
        internal static SocketFlowResult AnalyzeNested(ControlFlowGraph graph, FlowContext context, ISymbol owner, HandedValues? seeds, CancellationToken cancellationToken)
        {
            var analysis = new GraphAnalysis(graph, context, owner, summaryMode: false, depth: 0, ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken)
            {
                Seeds = seeds,
            };
            if (!analysis.Run())
            {
                return SocketFlowResult.Incomplete(graph, owner);
            }

            var result = analysis.Replay();
            result.ExceptionEndsProcess = seeds?.ExceptionEndsProcess == true;
            result.Process = context.Process;
            result.Cancellation = cancellationToken;
            return result;
        }
    }
}
