using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// An APM callback that re-arms its own receive is a loop: a function that calls EndReceive/EndRead and then, on a
    /// path where the count may be 0, calls BeginReceive/BeginRead with itself as the callback. After the peer closes,
    /// each receive completes at once with 0 (D12) and re-arms the next: the callback spins. So is a method that
    /// receives from a socket parameter and then calls itself with that same socket (<c>async void Read(TcpClient k) {
    /// n = await k.GetStream().ReadAsync(…); Show(…); Read(k); }</c>): at the end every read completes at once with 0.
    /// </summary>
    /// <remarks>
    /// Precision first, silent when: the End call's result is neither discarded nor stored in a local; the count is
    /// handed on by ref or captured; a condition around the re-arm does not test the count, or sends 0 elsewhere; a
    /// return, throw or close between the End call and the re-arm is not known to be skipped on 0; the re-arm is in a
    /// catch clause (a 0 is no exception); the receiver is a datagram socket (D18).
    /// </remarks>
    internal static class RearmedCallback
    {
        /// <summary>The End call of a callback that re-arms itself whatever the count, or null.</summary>
        public static ReceiveSite? Find(IInvocationOperation end, ISymbol containingSymbol, ReceiveContext context, CancellationToken cancellationToken)
        {
            var functionOperation = AsyncCode.EnclosingFunction(end, containingSymbol, out var method);
            var function = context.Functions.Get(functionOperation);
            if (method is null
                || ReceiveCalls.FindReceive(end, context, function, cancellationToken) is not { Member: { } member } site
                || ReceiveCalls.IsKnownDatagram(end.Instance, function, context.Symbols, context.DatagramSockets))
            {
                return null;
            }

            // An End call re-armed by a Begin call naming this callback; any other receive re-armed by a call of this
            // very method that hands it the same socket again (an async method that reads and then calls itself).
            var recursive = member.Name is not ("EndReceive" or "EndRead");
            if (recursive && (SameSocketParameter(end, method) is null || !CallsItself(functionOperation, method)))
            {
                return null;
            }

            var result = ReceiveCounts.Outermost(end);
            ILocalSymbol? count = result.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == result && assignment.Parent is IExpressionStatementOperation => target.Local,
                IExpressionStatementOperation => null,
                ISimpleAssignmentOperation { Target: IDiscardOperation } => null,
                _ => default(ILocalSymbol),
            };
            if (count is null && !ReceiveResultIgnoredAnalyzer.IsDiscarded(end))
            {
                return null;
            }

            IInvocationOperation? rearm = null;
            foreach (var operation in HelperSummary.OwnOperations(functionOperation))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (count is not null && operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, count)
                    && reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None })
                {
                    return null;
                }

                if (operation is IInvocationOperation call && call.Syntax.SpanStart > end.Syntax.Span.End
                    && (recursive ? CallsItselfWith(call, method, SameSocketParameter(end, method)!) : Rearms(call, method, context)))
                {
                    rearm ??= call;
                }
            }

            if (rearm is null || !TakenOnZero(rearm, functionOperation, count))
            {
                return null;
            }

            // Nothing between the End call and the re-arm may leave or close on the 0 path.
            foreach (var operation in HelperSummary.OwnOperations(functionOperation))
            {
                if (operation.Syntax.SpanStart <= end.Syntax.Span.End || operation.Syntax.SpanStart >= rearm.Syntax.SpanStart)
                {
                    continue;
                }

                // As in a loop: a close, or unknown code in a branch that tests the count (it may close), may end it.
                var exits = operation is IReturnOperation or IThrowOperation
                    || (operation is IInvocationOperation call && call != rearm
                        && (LoopEffects.Closes(call.TargetMethod) || (LoopEffects.MaySignal(call, context, cancellationToken) && InCountBranch(call, functionOperation, count))));
                if (exits && !SkippedOnZero(operation, functionOperation, count))
                {
                    return null;
                }
            }

            return site;
        }

        /// <summary>
        /// The parameter of <paramref name="method"/> the receive reads from (<c>k.GetStream().ReadAsync(…)</c>,
        /// <c>s.Receive(…)</c> with <c>k</c>, <c>s</c> parameters), or null: a socket made in the body is a new one on each
        /// call, not the same connection read again.
        /// </summary>
        private static IParameterSymbol? SameSocketParameter(IInvocationOperation receive, IMethodSymbol method)
        {
            return ReceiveCalls.Receiver(receive.Instance) is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
                ? parameter
                : null;
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, System.Runtime.CompilerServices.StrongBox<bool>> SelfCalls = new();

        /// <summary>Whether the function calls the method itself anywhere: one walk per function, however many receives it has.</summary>
        private static bool CallsItself(IOperation function, IMethodSymbol method) =>
            SelfCalls.GetValue(function, f =>
            {
                foreach (var operation in HelperSummary.OwnOperations(f))
                {
                    if (operation is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                    {
                        return new System.Runtime.CompilerServices.StrongBox<bool>(true);
                    }
                }

                return new System.Runtime.CompilerServices.StrongBox<bool>(false);
            }).Value;

        /// <summary>A direct call of the method itself that passes the same parameter in its place: the next read of the same socket.</summary>
        private static bool CallsItselfWith(IInvocationOperation call, IMethodSymbol method, IParameterSymbol socket) =>
            SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition)
            && socket.Ordinal < call.Arguments.Length
            && call.Arguments.Length == method.Parameters.Length
            && FindArgument(call, socket.Ordinal) is IParameterReferenceOperation { Parameter: var passed }
            && SymbolEqualityComparer.Default.Equals(passed, socket);

        private static IOperation? FindArgument(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    var value = argument.Value;
                    while (value is IConversionOperation conversion)
                    {
                        value = conversion.Operand;
                    }

                    return value;
                }
            }

            return null;
        }

        /// <summary>A BeginReceive/BeginRead whose callback is <paramref name="method"/>: a method group, <c>new AsyncCallback(M)</c>, or a lambda calling it.</summary>
        private static bool Rearms(IInvocationOperation call, IMethodSymbol method, ReceiveContext context)
        {
            if (call.TargetMethod.Name is not ("BeginReceive" or "BeginRead") || context.Symbols.FindMember(call.TargetMethod) is null && call.TargetMethod.ContainingType?.Name != "Stream")
            {
                return false;
            }

            foreach (var argument in call.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (argument.Parameter?.Name != "callback" || value is not IDelegateCreationOperation creation)
                {
                    continue;
                }

                switch (creation.Target)
                {
                    case IMethodReferenceOperation reference:
                        return SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method.OriginalDefinition);
                    case IAnonymousFunctionOperation lambda:
                        foreach (var inner in lambda.Body.DescendantsAndSelf())
                        {
                            if (inner is IInvocationOperation again && SymbolEqualityComparer.Default.Equals(again.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                            {
                                return true;
                            }
                        }

                        return false;
                }
            }

            return false;
        }

        /// <summary>Whether every condition around the re-arm tests the count and lets 0 through; no catch clause around it.</summary>
        private static bool TakenOnZero(IOperation rearm, IOperation function, ILocalSymbol? count)
        {
            var child = rearm;
            for (var parent = rearm.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case ICatchClauseOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or ISwitchOperation or ISwitchCaseOperation:
                        return false;
                    case IConditionalOperation conditional when child != conditional.Condition:
                        if (ValueOnZero(conditional.Condition, count) is not { } value || value != (child == conditional.WhenTrue))
                        {
                            return false;
                        }

                        break;
                    case ILoopOperation:
                        return false;
                }
            }

            return true;
        }

        /// <summary>Whether an exit sits in a branch a 0 count does not take, or in a catch clause.</summary>
        private static bool SkippedOnZero(IOperation exit, IOperation function, ILocalSymbol? count)
        {
            var child = exit;
            for (var parent = exit.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
            {
                if (parent is ICatchClauseOperation)
                {
                    return true;
                }

                if (parent is IConditionalOperation conditional && child != conditional.Condition
                    && ValueOnZero(conditional.Condition, count) is { } value && value != (child == conditional.WhenTrue))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InCountBranch(IOperation operation, IOperation function, ILocalSymbol? count)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null && parent != function; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && child != conditional.Condition)
                {
                    foreach (var part in conditional.Condition.DescendantsAndSelf())
                    {
                        if (part is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, count))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The value of a condition when the count is 0, through !, &amp;&amp; and ||; null when it cannot be known.</summary>
        private static bool? ValueOnZero(IOperation condition, ILocalSymbol? count)
        {
            switch (condition)
            {
                case IParenthesizedOperation parenthesized:
                    return ValueOnZero(parenthesized.Operand, count);
                case IConversionOperation conversion:
                    return ValueOnZero(conversion.Operand, count);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ValueOnZero(not.Operand, count) is { } inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                    var (l, r) = (ValueOnZero(both.LeftOperand, count), ValueOnZero(both.RightOperand, count));
                    return l == false || r == false ? false : l == true && r == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                    var (a, b) = (ValueOnZero(either.LeftOperand, count), ValueOnZero(either.RightOperand, count));
                    return a == true || b == true ? true : a == false && b == false ? false : null;
            }

            if (count is null)
            {
                return null;
            }

            foreach (var part in condition.DescendantsAndSelf())
            {
                if (part is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, count)
                    && ReceiveCounts.TestOf(reference) == condition)
                {
                    return EndOfStreamTest.Evaluate(condition, reference, 0);
                }
            }

            return null;
        }
    }
}
