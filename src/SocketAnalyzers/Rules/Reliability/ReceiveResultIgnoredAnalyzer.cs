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
    /// SOCK401: the byte count of a Socket receive or a network stream read is thrown away (see rules/SOCK401.md):
    /// the code assumes the buffer was filled, and a receive returns what has arrived (D13–D15, D17).
    /// </summary>
    /// <remarks>
    /// Deliberately silent: a count that is used in any way; a receive into an empty buffer (waits for data, D16);
    /// UdpClient.Receive (returns the datagram itself); ReadExactly and ReadAtLeast.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReceiveResultIgnoredAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: "true" when the receiver is known to be a datagram socket (no loop fix then).</summary>
        public const string DatagramProperty = "Datagram";

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
                    var functions = new FunctionFactsCache(symbols);
                    start.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, functions), OperationKind.Invocation);
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

        private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!IsDiscarded(invocation) || ReceiveCalls.HasEmptyBuffer(invocation) || ReceiveCalls.RequestsOneByte(invocation))
            {
                return;
            }

            var function = functions.Get(AsyncCode.EnclosingFunction(invocation, context.ContainingSymbol, out _));
            if (ReceiveCalls.FindCountingReceive(invocation, symbols, function) is not { } member
                || ReceiveCalls.ReadsWhatIsAvailable(invocation, function, symbols))
            {
                return;
            }

            var properties = member.Api == SocketApi.Socket && ReceiveCalls.IsKnownDatagram(invocation.Instance, function, symbols)
                ? ImmutableDictionary<string, string?>.Empty.Add(DatagramProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ReceiveResultIgnored,
                BlockingSocketCall.NameLocation(invocation),
                properties,
                BlockingSocketCall.Display(member)));
        }
    }
}
