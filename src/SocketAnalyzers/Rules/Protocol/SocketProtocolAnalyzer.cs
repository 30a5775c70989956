using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// Hosts the protocol-order rules SOCK101–SOCK108, SOCK110, SOCK111: runs the flow engine once per operation
    /// block and hands each protocol step that the protocol table says fails on every path to the rule that owns
    /// its diagnostic ID.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketProtocolAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableDictionary<string, ProtocolRuleChecker> Checkers = CreateCheckers();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ListenOnDatagramSocket,
            Descriptors.AcceptOnNonListeningSocket,
            Descriptors.ListenOnUnboundSocket,
            Descriptors.ConnectListenConflict,
            Descriptors.SendReceiveOnUnconnectedSocket,
            Descriptors.UseAfterClose,
            Descriptors.BindOnBoundSocket,
            Descriptors.PreBindOptionTooLate,
            Descriptors.TcpListenerAcceptWhenNotStarted,
            Descriptors.StreamOnUnconnectedSocket);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var flow = new FlowContext(start.Compilation, symbols);
                    start.RegisterOperationBlockAction(block => AnalyzeBlock(block, flow));
                }
            });
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, FlowContext flow)
        {
            Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph? analyzed = null;
            foreach (var block in context.OperationBlocks)
            {
                // Bail-outs, cheapest first: (1) a block that is no executable body has no graph;
                // (2) a body that touches no socket type has nothing to track.
                if (!HasGraph(block) || !TouchesSockets(block, flow.Symbols, context))
                {
                    continue;
                }

                // (3) a constructor's initializer and body share one graph: analyse it once.
                var graph = context.GetControlFlowGraph(block);
                if (ReferenceEquals(graph, analyzed))
                {
                    continue;
                }

                analyzed = graph;
                var result = SocketFlowAnalysis.Analyze(graph, flow, context.OwningSymbol, context.CancellationToken);
                Report(result, context);
            }
        }

        private static void Report(SocketFlowResult result, OperationBlockAnalysisContext context)
        {
            // (4) an analysis that ran out of budget knows nothing for sure.
            if (!result.IsComplete)
            {
                return;
            }

            var view = new SocketFlowResultView(result);
            foreach (var step in result.Steps)
            {
                // (5) unknown or untracked receivers are never reported on.
                if (step.Before is not { IsUnknown: false } before
                    || ProtocolTable.FindViolation(before.Api, step.SocketOperation, before.States, before.Kind.Transport) is not { } violation
                    || !Checkers.TryGetValue(violation.DiagnosticId, out var checker))
                {
                    continue;
                }

                context.ReportDiagnostic(checker.Report(step, before, violation, view));
            }

            foreach (var nested in result.Nested)
            {
                Report(nested, context);
            }
        }

        private static bool HasGraph(IOperation block) =>
            block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block
                or OperationKind.FieldInitializer or OperationKind.PropertyInitializer;

        private static bool TouchesSockets(IOperation block, KnownSocketSymbols symbols, OperationBlockAnalysisContext context)
        {
            foreach (var operation in block.Descendants())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.PropertyReference
                    && (symbols.TryGetApi(operation.Type, out _) || (operation is IInvocationOperation { Instance: { } instance } && symbols.TryGetApi(instance.Type, out _))))
                {
                    return true;
                }

                if (operation is IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } extension
                    && extension.Arguments.Length > 0 && symbols.TryGetApi(extension.Arguments[0].Value.Type, out _))
                {
                    return true;
                }

                if (operation.Kind is OperationKind.ParameterReference or OperationKind.LocalReference or OperationKind.FieldReference
                    && symbols.TryGetApi(operation.Type, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableDictionary<string, ProtocolRuleChecker> CreateCheckers()
        {
            var checkers = new List<ProtocolRuleChecker>
            {
                new ListenOnDatagramSocketRule(),
                new AcceptOnNonListeningSocketRule(),
                new ListenOnUnboundSocketRule(),
                new ConnectListenConflictRule(),
                new SendReceiveOnUnconnectedSocketRule(),
                new UseAfterCloseRule(),
                new BindOnBoundSocketRule(),
                new PreBindOptionTooLateRule(),
                new TcpListenerAcceptWhenNotStartedRule(),
                new StreamOnUnconnectedSocketRule(),
            };
            var builder = ImmutableDictionary.CreateBuilder<string, ProtocolRuleChecker>();
            foreach (var checker in checkers)
            {
                builder.Add(checker.Descriptor.Id, checker);
            }

            return builder.ToImmutable();
        }
    }
}
