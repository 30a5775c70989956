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
    /// SOCK401: the byte count of a Socket receive or a network stream read does not bound the use of the buffer (see
    /// rules/SOCK401.md): it is thrown away, stored and never read, or only compared with 0 before the buffer is used
    /// beyond its first byte. A receive returns what has arrived, not a full buffer (D13–D15, D17).
    /// </summary>
    /// <remarks>
    /// Helpers of the compilation that return a received count are receives (<see cref="ReceiveHelperCache"/>).
    /// Deliberately silent: a count that may bound the use (arithmetic, an argument, a comparison with a length); a
    /// receive into an empty buffer (waits for data, D16), into one byte, or into a buffer sized by Available; a buffer
    /// never read afterwards (only "something arrived" matters); UdpClient.Receive (returns the datagram itself);
    /// ReadExactly and ReadAtLeast.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReceiveResultIgnoredAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: "true" when the receiver is known to be a datagram socket (no loop fix then).</summary>
        public const string DatagramProperty = "Datagram";

        /// <summary>Diagnostic property: "true" when the call is not a plain statement of the socket API (a helper, a stored count): no fix.</summary>
        public const string NoFixProperty = "NoFix";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ReceiveResultIgnored);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var receives = new ReceiveContext(start.Compilation, symbols);
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, receives), OperationKind.Invocation);
                }
            });
        }

        /// <summary>Whether the value of <paramref name="operation"/> is thrown away: a statement, an awaited statement, or <c>_ =</c>.</summary>
        internal static bool IsDiscarded(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current.Parent)
                {
                    case IConversionOperation or IAwaitOperation:
                        current = current.Parent;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == current:
                        current = configure;
                        continue;
                    case IExpressionStatementOperation:
                        return true;
                    case ISimpleAssignmentOperation { Target: IDiscardOperation } discard when discard.Value == current:
                        return discard.Parent is IExpressionStatementOperation;
                    default:
                        return false;
                }
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ReceiveContext receives)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (ReceiveCalls.HasEmptyBuffer(invocation) || ReceiveCalls.RequestsOneByte(invocation))
            {
                return;
            }

            // A helper of the compilation is read only when its result is thrown away (the only shape reported for helpers).
            var isHelper = receives.Helpers.IsInCompilation(invocation.TargetMethod);
            if (!isHelper && receives.Symbols.FindMember(invocation.TargetMethod) is null && invocation.TargetMethod.Name is not ("Read" or "ReadAsync" or "EndRead"))
            {
                return; // cheap first test: neither the socket API nor Stream.Read
            }

            var function = receives.FunctionOf(invocation, context.ContainingSymbol);
            if (isHelper && (!HelperSummary.ReturnsCountType(invocation.TargetMethod.ReturnType) || !CountUses.Classify(invocation, function, receives).IsIgnored))
            {
                return;
            }

            receives.Helpers.OfferModel(invocation.SemanticModel);
            if (ReceiveCalls.FindReceive(invocation, receives, function, includeSilentHelpers: false, context.CancellationToken) is not { Kind: ReceiveSiteKind.Count or ReceiveSiteKind.CountHelper } site
                || ReceiveCalls.ReadsWhatIsAvailable(invocation, function, receives.Symbols))
            {
                return;
            }

            var use = CountUses.Classify(invocation, function, receives);
            var reported = use.IsIgnored ? !BufferNeverRead(invocation, site, function, receives)
                : use.IsOnlyCompared && site.Member is not null && BufferMisuse.After(invocation, use.Guaranteed, function, receives);
            if (!reported)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (site.Member is { Api: SocketApi.Socket } && ReceiveCalls.IsKnownDatagram(invocation.Instance, function, receives.Symbols, receives.DatagramSockets))
            {
                properties = properties.Add(DatagramProperty, "true");
            }

            if (site.Member is null || !IsDiscarded(invocation))
            {
                properties = properties.Add(NoFixProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ReceiveResultIgnored, site.NameLocation, properties, site.Display));
        }

        /// <summary>
        /// A local buffer made in this function and read by nothing but receives: the code only waits for "something"
        /// (or drains the socket), and how much arrived does not matter.
        /// </summary>
        private static bool BufferNeverRead(IInvocationOperation invocation, ReceiveSite site, FunctionFacts function, ReceiveContext receives)
        {
            // A fresh array written straight into the call (`s.Receive(new byte[128])`): nothing can ever read it.
            if (site.Member is not null && ReceiveCalls.Buffer(invocation) is IArrayCreationOperation)
            {
                return true;
            }

            if (site.Member is null || ReceiveCalls.Buffer(invocation) is not ILocalReferenceOperation { Local: var local }
                || !function.TryGetDeclaredValue(local, out _))
            {
                return false;
            }

            // Many receives may share the buffer: the answer is computed once per buffer.
            return receives.Uses.Memo(function.Operation, local, OnlyReceivedIntoFact, uses => OnlyReceivedInto(uses, function, receives) ? 1 : 0) == 1;
        }

        private const int OnlyReceivedIntoFact = 1;

        private static bool OnlyReceivedInto(IReadOnlyList<IOperation> uses, FunctionFacts function, ReceiveContext receives)
        {
            foreach (var use in uses)
            {
                var value = use;
                while (value.Parent is IConversionOperation)
                {
                    value = value.Parent;
                }

                var receivedInto = value.Parent is IArgumentOperation { Parent: IInvocationOperation call } argument
                    && call.Arguments.Length > 0 && call.Arguments[0] == argument
                    && ReceiveCalls.FindCountingReceive(call, receives.Symbols, function) is not null;
                var written = value.Parent is ISimpleAssignmentOperation assignment && assignment.Target == value;
                if (!receivedInto && !written)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
