using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
    /// 1. no receive directly in the loop (nested loops and lambdas are analyzed on their own), except receives in a
    ///    nested loop bounded by Available/DataAvailable (the outer loop then polls forever once the peer has closed);
    /// 2. a comparison of a result whose end-of-stream outcome (0; -1 for ReadByte) reaches an exit of the loop, or
    ///    that cannot be evaluated; a result returned;
    /// 3. the loop calls ReadExactly/ReadAtLeast, which throw at the end of the stream;
    /// 4. the receiver is known to be a datagram socket, or the receive is ReceiveFrom/ReceiveMessageFrom: a 0-byte
    ///    datagram is legal and is not the end of anything (D18);
    /// 5. a condition that can end the loop depends on something the loop changes other than the count (a retry
    ///    counter, a flag) or on a call whose result is unknown: the loop may be bounded;
    /// 6. the count escapes (by ref, into a lambda, tested in a nested loop): unknown;
    /// 7. each iteration serves a new connection: the loop accepts, connects or creates a socket, or the receiver is
    ///    declared in the iteration (an accept loop reads one connection's 0 once, then moves on);
    /// 8. more comparisons than <see cref="MaxTests"/>: not evaluated;
    /// 9. the loop waits for the user (Console.ReadLine, ReadKey, Read) on each iteration: paced by the user, it does
    ///    not spin.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReceiveLoopIgnoresEndOfStreamAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Comparisons of results evaluated per loop; each looks at the rest of the body, so they are bounded.</summary>
        internal const int MaxTests = 16;

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
                    var receives = new ReceiveContext(start.Compilation, symbols);
                    start.RegisterOperationAction(c => AnalyzeLoop(c, receives), OperationKind.Loop);
                    start.RegisterOperationAction(c => AnalyzeCallback(c, receives), OperationKind.Invocation);
                }
            });
        }

        private static void AnalyzeLoop(OperationAnalysisContext context, ReceiveContext receives)
        {
            var loop = (ILoopOperation)context.Operation;
            if (loop.LoopKind is not (LoopKind.While or LoopKind.For))
            {
                return;
            }

            receives.Helpers.OfferModel(loop.SemanticModel);
            var function = receives.FunctionOf(loop, context.ContainingSymbol);
            var sites = new List<ReceiveSite>();
            List<ILoopOperation>? pollingLoops = null;
            foreach (var operation in LoopScope.Operations(loop))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (operation is ILoopOperation nested && nested != loop && ReadsAvailability(nested, receives.Symbols))
                {
                    (pollingLoops ??= new List<ILoopOperation>()).Add(nested);
                }

                if (StartsConnection(operation, receives.Symbols))
                {
                    return; // 7
                }

                if (operation is not IInvocationOperation call)
                {
                    continue;
                }

                if (call.TargetMethod.Name is "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync")
                {
                    return; // 3
                }

                if (call.TargetMethod is { Name: "ReadLine" or "ReadKey" or "Read", IsStatic: true, ContainingType: { Name: "Console", ContainingNamespace.Name: "System" } })
                {
                    return; // 9
                }

                switch (Classify(call, loop, function, receives, context.CancellationToken))
                {
                    case Verdict.Silent:
                        return; // 4, 7
                    case Verdict.Receive:
                        sites.Add(ReceiveCalls.FindReceive(call, receives, function, context.CancellationToken)!.Value);
                        break;
                }
            }

            if (sites.Count == 0)
            {
                if (pollingLoops is not null)
                {
                    AnalyzePollingLoop(context, loop, pollingLoops, function, receives);
                }

                return; // 1
            }

            var counts = new ReceiveCounts(loop);
            foreach (var site in sites)
            {
                if (site.HasResult ? !counts.Track(site) : HelperSummary.ReturnsText(site.Call.TargetMethod) && !counts.TrackUntestedText(site))
                {
                    return; // 2, 6
                }
            }

            if (!counts.ComputeDerivedAndCheckUses() || counts.Tests.Count > MaxTests)
            {
                return; // 6, 8
            }

            if (counts.Tests.Count > 0)
            {
                var conditionSymbols = LoopEffects.ConditionSymbols(loop, counts.Scope);
                foreach (var (test, value, endValue) in counts.Tests)
                {
                    if (!counts.IsSkippedOnEnd(test) && EndOfStreamTest.Handles(test, value, endValue, loop, conditionSymbols, receives, context.CancellationToken))
                    {
                        return; // 2
                    }
                }
            }

            if (LoopExits.MayEndWithoutCount(loop, counts, receives, function, context.CancellationToken))
            {
                return; // 5
            }

            Report(context, First(sites));
        }

        /// <summary>The receive that comes first in the source (the scope is walked depth first, not in source order).</summary>
        private static ReceiveSite First(List<ReceiveSite> sites)
        {
            var first = sites[0];
            foreach (var site in sites)
            {
                if (site.Call.Syntax.SpanStart < first.Call.Syntax.SpanStart)
                {
                    first = site;
                }
            }

            return first;
        }

        /// <summary>An APM callback that re-arms its own receive whatever the count (<see cref="RearmedCallback"/>).</summary>
        private static void AnalyzeCallback(OperationAnalysisContext context, ReceiveContext receives)
        {
            var call = (IInvocationOperation)context.Operation;
            if (call.TargetMethod.Name is not ("EndReceive" or "EndRead")
                && !(call.TargetMethod.Name is "Receive" or "ReceiveAsync" or "Read" or "ReadAsync" && ReadsParameterOutsideLoops(call)))
            {
                return;
            }

            receives.Helpers.OfferModel(call.SemanticModel);
            if (RearmedCallback.Find(call, context.ContainingSymbol, receives, context.CancellationToken) is { } site)
            {
                Report(context, site);
            }
        }

        /// <summary>
        /// A receive on a parameter (or its <c>GetStream()</c>) outside any loop of its function: the only shape in which a
        /// method that calls itself afterwards reads the same socket again (RearmedCallback); a loop is judged as a loop.
        /// </summary>
        private static bool ReadsParameterOutsideLoops(IInvocationOperation call)
        {
            if (ReceiveCalls.Receiver(call.Instance) is not IParameterReferenceOperation)
            {
                return false;
            }

            for (var parent = call.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation:
                        return false;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation:
                        return true;
                }
            }

            return true;
        }

        /// <summary>
        /// An outer loop around a loop bounded by Available/DataAvailable: once the peer has closed, both stay 0/false
        /// (D12), the inner loop never runs again and never sees the 0, and the outer loop polls forever unless it has an
        /// exit of its own.
        /// </summary>
        private static void AnalyzePollingLoop(OperationAnalysisContext context, ILoopOperation loop, List<ILoopOperation> pollingLoops, FunctionFacts function, ReceiveContext receives)
        {
            foreach (var inner in pollingLoops)
            {
                foreach (var operation in LoopScope.Operations(inner))
                {
                    if (operation is not IInvocationOperation call)
                    {
                        continue;
                    }

                    var verdict = Classify(call, loop, function, receives, context.CancellationToken);
                    if (verdict == Verdict.Silent)
                    {
                        return;
                    }

                    if (verdict == Verdict.Receive && ReceiveCalls.FindReceive(call, receives, function, context.CancellationToken) is { Member: not null } site)
                    {
                        if (!LoopExits.MayEndWithoutCount(loop, new ReceiveCounts(loop), receives, function, context.CancellationToken))
                        {
                            Report(context, site);
                        }

                        return;
                    }
                }
            }
        }

        private enum Verdict
        {
            Other,
            Receive,
            Silent,
        }

        private static Verdict Classify(IInvocationOperation call, ILoopOperation loop, FunctionFacts function, ReceiveContext receives, CancellationToken cancellationToken)
        {
            if (ReceiveCalls.FindReceive(call, receives, function, cancellationToken) is not { } site)
            {
                return Verdict.Other;
            }

            if (site.Member is { } member)
            {
                if (ReceiveCalls.HasEmptyBuffer(call))
                {
                    return Verdict.Other;
                }

                return member.Operation == SocketOperation.ReceiveFrom
                    || ReceiveCalls.IsKnownDatagram(call.Instance, function, receives.Symbols, receives.DatagramSockets)
                    || IsDeclaredIn(ReceiveCalls.Receiver(call.Instance), loop, function)
                    ? Verdict.Silent
                    : Verdict.Receive;
            }

            // A helper: judged by what the loop hands it.
            foreach (var argument in call.Arguments)
            {
                if (ReceiveCalls.IsKnownDatagram(argument.Value, function, receives.Symbols, receives.DatagramSockets)
                    || (receives.Symbols.TryGetApi(argument.Value.Type, out _) && IsDeclaredIn(ReceiveCalls.Receiver(argument.Value), loop, function)))
                {
                    return Verdict.Silent;
                }
            }

            return Verdict.Receive;
        }

        /// <summary>
        /// The receiver is a local declared in the loop: each iteration may work on a new connection (an accept loop). Not
        /// when the local only ever holds the stream of a socket from outside the loop (<c>var s = client.GetStream();</c>
        /// in the body, <c>client</c> a field): that is the same connection on every iteration.
        /// </summary>
        private static bool IsDeclaredIn(IOperation? value, ILoopOperation loop, FunctionFacts function)
        {
            if (BlockingSocketCall.ReferencedSymbol(value) is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.Length != 1
                || !loop.Syntax.Span.Contains(local.DeclaringSyntaxReferences[0].Span))
            {
                return false;
            }

            var initial = function.TryGetDeclaredValue(local, out var declared) ? declared : null;
            while (initial is IConversionOperation conversion)
            {
                initial = conversion.Operand;
            }

            return !(initial is IInvocationOperation { TargetMethod.Name: "GetStream", Instance: { } socket } && !function.IsAssigned(local)
                && BlockingSocketCall.ReferencedSymbol(socket) is IFieldSymbol or IPropertySymbol or IParameterSymbol or ILocalSymbol
                && !IsDeclaredIn(socket, loop, function));
        }

        /// <summary>An accept, a connect, or a new socket object: the iteration works on a new connection.</summary>
        private static bool StartsConnection(IOperation operation, KnownSocketSymbols symbols) => operation switch
        {
            IInvocationOperation call => symbols.FindMember(call.TargetMethod) is { } member
                && (member.Has(ApiTraits.ReturnsAccepted) || member.Operation == SocketOperation.Connect),
            IObjectCreationOperation creation => symbols.TryGetApi(creation.Type, out _),
            _ => false,
        };

        /// <summary>
        /// The loop's own condition reads <c>Available</c> or <c>DataAvailable</c> of a socket type: both fall to 0/false
        /// once the peer has closed and the data is read (D12), so the loop ends.
        /// </summary>
        internal static bool ReadsAvailability(ILoopOperation loop, KnownSocketSymbols symbols)
        {
            var condition = loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };
            if (condition is null)
            {
                return false;
            }

            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IPropertyReferenceOperation { Property.Name: "Available" or "DataAvailable" } property
                    && symbols.TryGetApi(property.Property.ContainingType, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, ReceiveSite site) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReceiveLoopIgnoresEndOfStream,
                site.NameLocation,
                site.Display));
    }
}
