using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// The protocol-order rules SOCK101–SOCK108, SOCK110, SOCK111 on one flow result: each step that the protocol
    /// table says fails on every path goes to the checker that owns its diagnostic ID.
    /// </summary>
    internal static class ProtocolRuleDispatcher
    {
        private static readonly ImmutableDictionary<string, ProtocolRuleChecker> Checkers = CreateCheckers();

        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = CreateDescriptors();

        public static void Report(SocketFlowResult result, OperationBlockAnalysisContext context)
        {
            var view = new SocketFlowResultView(result);
            foreach (var step in result.Steps)
            {
                // Unknown or untracked receivers are never reported on.
                if (step.Before is not { IsUnknown: false } before
                    || ProtocolTable.FindViolation(before.Api, step.SocketOperation, before.States, before.Kind) is not { } violation
                    || !Checkers.TryGetValue(violation.DiagnosticId, out var checker))
                {
                    continue;
                }

                context.ReportDiagnostic(checker.Report(step, before, violation, view));
            }

            foreach (var nested in result.Nested)
            {
                if (nested.IsComplete)
                {
                    Report(nested, context);
                }
            }
        }

        private static ImmutableDictionary<string, ProtocolRuleChecker> CreateCheckers()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, ProtocolRuleChecker>();
            foreach (var checker in AllCheckers())
            {
                builder.Add(checker.Descriptor.Id, checker);
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<DiagnosticDescriptor> CreateDescriptors()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var checker in AllCheckers())
            {
                builder.Add(checker.Descriptor);
            }

            return builder.ToImmutable();
        }

        private static List<ProtocolRuleChecker> AllCheckers() => new List<ProtocolRuleChecker>
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
    }
}
