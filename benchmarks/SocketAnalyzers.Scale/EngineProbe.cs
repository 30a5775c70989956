using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Runs the flow engine directly on every body of an input that touches a socket type (the analyzer's own
    /// prefilter), to tell whether it gave up: a graph past <see cref="FlowBudget.MaxBlocks"/> or a fixpoint past its
    /// visit budget gives an incomplete result, on which no rule reports; objects past
    /// <see cref="FlowBudget.MaxTrackedObjects"/> are left untracked (never reported on).
    /// </summary>
    internal static class EngineProbe
    {
        public static EngineOutcome Run(CSharpCompilation compilation, CancellationToken cancellationToken)
        {
            var symbols = KnownSocketSymbols.TryCreate(compilation);
            if (symbols is null)
            {
                return new EngineOutcome(0, 0, 0, 0, false, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero);
            }

            var context = new FlowContext(compilation, symbols);
            int bodies = 0, incomplete = 0, maxBlocks = 0, maxObjects = 0;
            var engineTime = TimeSpan.Zero;
            var prefilterTime = TimeSpan.Zero;
            var graphTime = TimeSpan.Zero;
            var allBodies = 0;
            var analysed = new List<(ControlFlowGraph Graph, ISymbol? Owner)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot(cancellationToken).DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
                {
                    if (model.GetOperation(declaration, cancellationToken) is not { } body
                        || body is not (IMethodBodyOperation or IConstructorBodyOperation))
                    {
                        continue;
                    }

                    // The operation tree is built (and the body bound again by the semantic model) before the watch starts,
                    // as the analyzer driver does before it calls an analyzer.
                    body.Descendants().Count();
                    allBodies++;
                    var watch = Stopwatch.StartNew();
                    var touches = SocketUsage.Touches(body, symbols, context.Owners, cancellationToken);
                    prefilterTime += watch.Elapsed;
                    if (!touches)
                    {
                        continue;
                    }

                    watch.Restart();
                    var graph = body is IMethodBodyOperation method
                        ? ControlFlowGraph.Create(method, cancellationToken)
                        : ControlFlowGraph.Create((IConstructorBodyOperation)body, cancellationToken);
                    graphTime += watch.Elapsed;
                    watch.Restart();
                    var owner = model.GetDeclaredSymbol(declaration, cancellationToken);
                    var result = SocketFlowAnalysis.Analyze(graph, context, owner, cancellationToken);
                    engineTime += watch.Elapsed;
                    analysed.Add((graph, owner));
                    bodies++;
                    incomplete += result.IsComplete ? 0 : 1;
                    maxBlocks = Math.Max(maxBlocks, graph.Blocks.Length);
                    maxObjects = Math.Max(maxObjects, result.Objects.Length);
                }
            }

            // Again on the same context: the summaries of same-compilation callees are cached now, so the difference is
            // what computing them cost.
            var again = Stopwatch.StartNew();
            foreach (var (graph, owner) in analysed)
            {
                SocketFlowAnalysis.Analyze(graph, context, owner, cancellationToken);
            }

            var cachedTime = again.Elapsed;
            return new EngineOutcome(bodies, incomplete, maxBlocks, maxObjects, maxObjects >= FlowBudget.MaxTrackedObjects, engineTime, prefilterTime, graphTime, allBodies, cachedTime);
        }
    }
}
