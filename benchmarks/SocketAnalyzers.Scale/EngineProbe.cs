using System;
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
                return new EngineOutcome(0, 0, 0, 0, false, TimeSpan.Zero);
            }

            var context = new FlowContext(compilation, symbols);
            int bodies = 0, incomplete = 0, maxBlocks = 0, maxObjects = 0;
            var engineTime = TimeSpan.Zero;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot(cancellationToken).DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax))
                {
                    if (model.GetOperation(declaration, cancellationToken) is not { } body
                        || body is not (IMethodBodyOperation or IConstructorBodyOperation)
                        || !SocketUsage.Touches(body, symbols, cancellationToken))
                    {
                        continue;
                    }

                    var graph = body is IMethodBodyOperation method
                        ? ControlFlowGraph.Create(method, cancellationToken)
                        : ControlFlowGraph.Create((IConstructorBodyOperation)body, cancellationToken);
                    var watch = Stopwatch.StartNew();
                    var result = SocketFlowAnalysis.Analyze(graph, context, model.GetDeclaredSymbol(declaration, cancellationToken), cancellationToken);
                    engineTime += watch.Elapsed;
                    bodies++;
                    incomplete += result.IsComplete ? 0 : 1;
                    maxBlocks = Math.Max(maxBlocks, graph.Blocks.Length);
                    maxObjects = Math.Max(maxObjects, result.Objects.Length);
                }
            }

            return new EngineOutcome(bodies, incomplete, maxBlocks, maxObjects, maxObjects >= FlowBudget.MaxTrackedObjects, engineTime);
        }
    }
}
