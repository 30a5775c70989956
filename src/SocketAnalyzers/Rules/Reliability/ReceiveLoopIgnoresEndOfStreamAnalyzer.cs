using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// SOCK402: a loop that receives from a stream socket or network stream and can only leave through conditions that
    /// a 0-byte result never changes (see rules/SOCK402.md). After the peer closes, Receive and Read return 0 again and
    /// again, never throw, and Connected stays true (D12, J10): such a loop spins forever.
    /// </summary>
    /// <remarks>
    /// Bail-outs, each keeping the rule precise:
    /// 1. no counting receive directly in the loop (nested loops and lambdas are analyzed on their own);
    /// 2. any receive count of the loop is compared or pattern-matched, directly or through the local it is stored in;
    /// 3. the loop calls ReadExactly/ReadAtLeast, which throw at the end of the stream;
    /// 4. the receiver is known to be a datagram socket, or the receive is ReceiveFrom/ReceiveMessageFrom: a 0-byte
    ///    datagram is legal and is not the end of anything (D18);
    /// 5. a condition that can end the loop depends on something the loop changes other than the count (a retry
    ///    counter, a flag) or on a call whose result is unknown: the loop may be bounded;
    /// 6. the count escapes (by ref, into a lambda): unknown.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReceiveLoopIgnoresEndOfStreamAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ReceiveLoopIgnoresEndOfStream);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var functions = new FunctionFactsCache(symbols);
                    start.RegisterOperationAction(c => AnalyzeLoop(c, symbols, functions), OperationKind.Loop);
                }
            });
        }

        private static void AnalyzeLoop(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            var loop = (ILoopOperation)context.Operation;
            if (loop.LoopKind is not (LoopKind.While or LoopKind.For))
            {
                return;
            }

            var function = functions.Get(AsyncCode.EnclosingFunction(loop, context.ContainingSymbol, out _));
            var receives = new List<(IInvocationOperation Call, ProtocolMember Member)>();
            foreach (var operation in LoopScope.Operations(loop))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (operation is not IInvocationOperation call)
                {
                    continue;
                }

                if (call.TargetMethod.Name is "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync")
                {
                    return; // 3
                }

                if (ReceiveCalls.FindCountingReceive(call, symbols, function) is not { } member || ReceiveCalls.HasEmptyBuffer(call))
                {
                    continue;
                }

                if (member.Operation == SocketOperation.ReceiveFrom || ReceiveCalls.IsKnownDatagram(call.Instance, function, symbols))
                {
                    return; // 4
                }

                receives.Add((call, member));
            }

            if (receives.Count == 0)
            {
                return; // 1
            }

            var counts = new ReceiveCounts(loop);
            foreach (var (call, _) in receives)
            {
                if (!counts.Track(call))
                {
                    return; // 2, 6
                }
            }

            if (!counts.ComputeDerivedAndCheckUses() || LoopExits.MayEndWithoutCount(loop, counts, symbols, function))
            {
                return; // 2, 5, 6
            }

            var first = receives[0];
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReceiveLoopIgnoresEndOfStream,
                BlockingSocketCall.NameLocation(first.Call),
                BlockingSocketCall.Display(first.Member)));
        }
    }
}
