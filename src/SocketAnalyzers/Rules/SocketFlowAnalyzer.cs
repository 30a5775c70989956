using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Options;
using SocketAnalyzers.Rules.Lifetime;
using SocketAnalyzers.Rules.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules
{
    /// <summary>
    /// The one host of every flow rule: the typestate engine runs once per executable body, and its result feeds both
    /// the protocol-order rules (SOCK101–SOCK108, SOCK110, SOCK111, <see cref="ProtocolRuleDispatcher"/>) and the
    /// lifetime rules (SOCK201–SOCK203, <see cref="LifetimeRuleDispatcher"/>; SOCK205 walks using scopes). One pass
    /// for all of them: a dataflow pass per rule is the cost that keeps other dataflow analyzers off by default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ProtocolRuleDispatcher.Descriptors.AddRange(LifetimeRuleDispatcher.Descriptors);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var host = new Host(start.Compilation, symbols, new OptionsReader(start.Options));
                    start.RegisterOperationBlockAction(host.AnalyzeBlock);
                }
            });
        }

        /// <summary>Per-compilation state: one flow context per ownership policy (summaries depend on it).</summary>
        private sealed class Host
        {
            private readonly KnownSocketSymbols symbols;
            private readonly OptionsReader options;
            private readonly FlowContext transferring;
            private readonly FlowContext keeping;

            public Host(Compilation compilation, KnownSocketSymbols symbols, OptionsReader options)
            {
                this.symbols = symbols;
                this.options = options;
                this.transferring = new FlowContext(compilation, symbols, unknownCallsKeepOwnership: false);
                this.keeping = new FlowContext(compilation, symbols, unknownCallsKeepOwnership: true);
            }

            public void AnalyzeBlock(OperationBlockAnalysisContext context)
            {
                ControlFlowGraph? analyzed = null;
                foreach (var block in context.OperationBlocks)
                {
                    DisposedSocketEscapesRule.Check(context, block, this.symbols);

                    // Bail-outs, cheapest first: (1) a block that is no executable body has no graph; (2) a body that
                    // touches no socket type (nor one of the program's socket owners) has nothing to track.
                    if (!HasGraph(block))
                    {
                        continue;
                    }

                    var keep = this.options.Get(SocketAnalyzerOptions.UnknownCallOwnership, block.Syntax.SyntaxTree) == "keep";
                    var flow = keep ? this.keeping : this.transferring;
                    if (!SocketUsage.Touches(block, this.symbols, flow.Owners, context.CancellationToken))
                    {
                        continue;
                    }

                    // (3) a constructor's initializer and body share one graph: analyse it once. A method's body may have
                    // one already, built for its summary (the driver's graph is the one of the block's root operation).
                    var root = RootOf(block);
                    var graph = root.Kind == OperationKind.MethodBody
                        ? flow.Summaries.GraphOf(root, _ => context.GetControlFlowGraph(block))
                        : context.GetControlFlowGraph(block);
                    if (ReferenceEquals(graph, analyzed))
                    {
                        continue;
                    }

                    analyzed = graph;
                    var result = SocketFlowAnalysis.Analyze(graph, flow, context.OwningSymbol, context.CancellationToken);

                    // (4) an analysis that ran out of budget knows nothing for sure.
                    if (!result.IsComplete)
                    {
                        continue;
                    }

                    ProtocolRuleDispatcher.Report(result, context);
                    var diagnostics = new List<Diagnostic>();
                    LifetimeRuleDispatcher.Check(result, diagnostics);
                    foreach (var diagnostic in diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            private static IOperation RootOf(IOperation operation)
            {
                while (operation.Parent is { } parent)
                {
                    operation = parent;
                }

                return operation;
            }

            private static bool HasGraph(IOperation block) =>
                block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                    or OperationKind.FieldInitializer or OperationKind.PropertyInitializer;
        }
    }
}
