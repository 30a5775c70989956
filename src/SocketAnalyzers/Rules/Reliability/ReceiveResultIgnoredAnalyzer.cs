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
            var reported = (use.IsIgnored ? !BufferNeverRead(invocation, site, function, receives)
                : use.IsOnlyCompared && site.Member is not null && BufferMisuse.After(invocation, use.Guaranteed, function, receives, context.CancellationToken))
                && !NulTrimmedFreshBuffer(invocation, site, function, receives);
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

        private const int NulTrimmedFact = 2;

        /// <summary>
        /// A buffer made new (zero-filled) right before the receive, in the same block, and read only as whole-buffer text
        /// whose NULs are then cut off (<c>GetString(buffer).Trim('\0')</c>, <c>TrimEnd('\0')</c>, <c>Replace("\0", …)</c>):
        /// the bytes past the count are zeros and never reach the text, so the text is exactly what arrived.
        /// </summary>
        private static bool NulTrimmedFreshBuffer(IInvocationOperation invocation, ReceiveSite site, FunctionFacts function, ReceiveContext receives)
        {
            if (site.Member is null || ReceiveCalls.Buffer(invocation) is not ILocalReferenceOperation { Local: var local }
                || !function.TryGetDeclaredValue(local, out var value) || value is not IArrayCreationOperation
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>() is not { } block
                || !block.Span.Contains(invocation.Syntax.Span) || LoopBetween(invocation.Syntax, block))
            {
                return false;
            }

            return receives.Uses.Memo(function.Operation, local, NulTrimmedFact, uses => OnlyDecodedAndTrimmed(uses, function, receives) ? 1 : 0) == 1;
        }

        /// <summary>A loop between the receive and the buffer's block: later iterations reuse the buffer, stale bytes and all.</summary>
        private static bool LoopBetween(SyntaxNode node, SyntaxNode block)
        {
            for (var current = node.Parent; current is not null && current != block; current = current.Parent)
            {
                if (current is Microsoft.CodeAnalysis.CSharp.Syntax.WhileStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DoStatementSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.ForStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool OnlyDecodedAndTrimmed(IReadOnlyList<IOperation> uses, FunctionFacts function, ReceiveContext receives)
        {
            var decoded = false;
            foreach (var use in uses)
            {
                var value = use;
                while (value.Parent is IConversionOperation)
                {
                    value = value.Parent;
                }

                if (value.Parent is not IArgumentOperation { Parent: IInvocationOperation call })
                {
                    return false;
                }

                if (ReceiveCalls.FindCountingReceive(call, receives.Symbols, function) is not null)
                {
                    continue;
                }

                if (call.TargetMethod.Name != "GetString" || call.Arguments.Length != 1 || !IsTrimmedOfNul(call, function, receives))
                {
                    return false;
                }

                decoded = true;
            }

            return decoded;
        }

        /// <summary>The text goes straight into a NUL trim, or into a local whose every use is one.</summary>
        private static bool IsTrimmedOfNul(IOperation text, FunctionFacts function, ReceiveContext receives)
        {
            if (CutsNul(text.Parent))
            {
                return true;
            }

            ILocalSymbol? local = text.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            };
            if (local is null)
            {
                return false;
            }

            var uses = receives.Uses.Of(function.Operation, local);
            foreach (var use in uses)
            {
                if (!(use.Parent is ISimpleAssignmentOperation assignment && assignment.Target == use) && !CutsNul(use.Parent))
                {
                    return false;
                }
            }

            return uses.Count > 0;
        }

        /// <summary>Trim('\0'), TrimEnd('\0'), Replace("\0", "") — not Replace('\0', ' '), which keeps a character per zero.</summary>
        private static bool CutsNul(IOperation? operation) =>
            operation is IInvocationOperation { TargetMethod: { Name: "Trim" or "TrimEnd" or "Replace", ContainingType.SpecialType: SpecialType.System_String } } call
            && call.Arguments.Length >= 1
            && call.Arguments[0].Value.ConstantValue is { HasValue: true } constant
            && (constant.Value is '\0' || constant.Value is "\0")
            && (call.TargetMethod.Name != "Replace" || (call.Arguments.Length >= 2 && IsEmptyText(call.Arguments[1].Value)));

        private static bool IsEmptyText(IOperation value) =>
            value.ConstantValue is { HasValue: true, Value: "" }
            || value is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } };

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
