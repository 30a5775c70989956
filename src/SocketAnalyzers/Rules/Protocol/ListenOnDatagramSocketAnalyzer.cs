using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK101: Listen on a socket that every assignment of its local makes a datagram socket (see rules/SOCK101.md).
    /// Flow-insensitive and therefore sound only for the kind, which never changes after construction:
    /// a local is known to be UDP when each value ever stored in it is a UDP socket constructed here.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ListenOnDatagramSocketAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ListenOnDatagramSocket);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    start.RegisterOperationBlockAction(c => AnalyzeBlock(c, symbols));
                }
            });
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, KnownSocketSymbols symbols)
        {
            LocalSocketKinds? kinds = null;
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.Descendants())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (operation is not IInvocationOperation { Instance: ILocalReferenceOperation receiver } invocation
                        || symbols.FindMember(invocation.TargetMethod) is not { Operation: SocketOperation.Listen, Api: SocketApi.Socket } member)
                    {
                        continue;
                    }

                    kinds ??= LocalSocketKinds.Collect(context.OperationBlocks, symbols);
                    if (!kinds.TryGetKind(receiver.Local, out var kind, out var creations)
                        || ProtocolTable.FindViolation(member.Api, member.Operation, SocketStates.Any, kind.Transport) is not { DiagnosticId: DiagnosticIds.ListenOnDatagramSocket } rule)
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ListenOnDatagramSocket,
                        NameLocation(invocation),
                        AdditionalLocations(creations),
                        receiver.Local.Name,
                        member.Name,
                        "a datagram socket",
                        rule.Outcome));
                }
            }
        }

        private static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Name.GetLocation()
            : invocation.Syntax.GetLocation();

        private static IEnumerable<Location> AdditionalLocations(List<IOperation> creations)
        {
            foreach (var creation in creations)
            {
                yield return creation.Syntax.GetLocation();
            }
        }
    }
}
