using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Options;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// The host of the method-level lifetime rules (SOCK201, SOCK202, SOCK203, SOCK205): the flow engine runs once per
    /// body that makes or accepts a socket, and each rule's checker reads its exits (see rules/SOCK201.md … SOCK205.md).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketLifetimeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SocketNotDisposed,
            Descriptors.SocketLeakedOnException,
            Descriptors.AcceptedSocketNotDisposed,
            Descriptors.DisposedSocketEscapes);

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
                foreach (var block in context.OperationBlocks)
                {
                    DisposedSocketEscapesRule.Check(context, block, this.symbols);

                    // Bail-outs, cheapest first: (1) no executable body, no graph; (2) nothing made or accepted here
                    // that this body would own.
                    if (!HasGraph(block) || !this.MakesSockets(block, context))
                    {
                        continue;
                    }

                    var keep = this.options.Get(SocketAnalyzerOptions.UnknownCallOwnership, block.Syntax.SyntaxTree) == "keep";
                    var graph = context.GetControlFlowGraph(block);
                    var result = SocketFlowAnalysis.Analyze(graph, keep ? this.keeping : this.transferring, context.OwningSymbol, context.CancellationToken);
                    var diagnostics = new List<Diagnostic>();
                    Check(result, diagnostics);
                    foreach (var diagnostic in diagnostics)
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            private static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
            {
                // (3) an analysis that ran out of budget knows nothing for sure.
                if (!result.IsComplete)
                {
                    return;
                }

                SocketNotDisposedRule.Check(result, diagnostics);
                SocketLeakedOnExceptionRule.Check(result, diagnostics);
                AcceptedSocketNotDisposedRule.Check(result, diagnostics);
                foreach (var nested in result.Nested)
                {
                    Check(nested, diagnostics);
                }
            }

            private static bool HasGraph(IOperation block) =>
                block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                    or OperationKind.FieldInitializer or OperationKind.PropertyInitializer;

            /// <summary>A constructor of a socket type, or a call whose result (awaited or not) is one.</summary>
            private bool MakesSockets(IOperation block, OperationBlockAnalysisContext context)
            {
                foreach (var operation in block.Descendants())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (operation.Kind is OperationKind.ObjectCreation or OperationKind.Invocation
                        && (this.symbols.TryGetApi(operation.Type, out _) || this.symbols.TryGetApi(TaskResult(operation.Type), out _)))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static ITypeSymbol? TaskResult(ITypeSymbol? type) =>
                type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : null;
        }
    }
}
