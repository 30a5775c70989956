using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>Reads one helper's body for <see cref="ReceiveHelperCache"/>: what it returns, and whether it signals a 0-byte read.</summary>
    internal sealed class HelperSummary
    {
        private const int MaxLocalDepth = 3;

        private readonly IOperation body;
        private readonly ReceiveContext context;
        private readonly FunctionFacts function;
        private readonly int depth;
        private readonly ImmutableHashSet<IMethodSymbol> callers;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ILocalSymbol> inProgress = new(SymbolEqualityComparer.Default);

        public HelperSummary(IOperation body, ReceiveContext context, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
        {
            this.body = body;
            this.context = context;
            this.function = context.Functions.Get(body);
            this.depth = depth;
            this.callers = callers;
            this.cancellationToken = cancellationToken;
        }

        private enum CountValue
        {
            /// <summary>Not a count.</summary>
            Not,

            /// <summary>Adds nothing to a sum: the constant 0, or the sum being computed itself.</summary>
            Neutral,

            /// <summary>A received count or a sum of them.</summary>
            Count,
        }

        /// <summary>Whether a nested helper's answer was cut short by depth or recursion.</summary>
        public bool Truncated { get; private set; }

        /// <summary><c>int</c>, <c>long</c>, or a task of one.</summary>
        public static bool ReturnsCountType(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1, ContainingNamespace.Name: "Tasks" } task)
            {
                type = task.TypeArguments[0];
            }

            return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        }

        /// <summary>Returns nothing its caller could test (void, Task, ValueTask) and has no ref or out parameter.</summary>
        public static bool ReturnsNothing(IMethodSymbol method) =>
            (method.ReturnsVoid || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false, ContainingNamespace.Name: "Tasks" })
            && HasNoRefParameter(method);

        /// <summary>
        /// Returns text (<c>string</c>, or a task of one) and has no ref or out parameter: a caller that never compares the
        /// text and only writes, concatenates or encodes it learns nothing from it (<see cref="LineUses"/>).
        /// </summary>
        public static bool ReturnsText(IMethodSymbol method)
        {
            var type = method.ReturnType;
            if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1, ContainingNamespace.Name: "Tasks" } task)
            {
                type = task.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_String && HasNoRefParameter(method);
        }

        /// <summary>A helper that may report the end of a stream only through what it returns, if anything.</summary>
        public static bool ReturnsNothingTested(IMethodSymbol method) => ReturnsNothing(method) || ReturnsText(method);

        private static bool HasNoRefParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind is RefKind.Ref or RefKind.Out)
                {
                    return false;
                }
            }

            return true;
        }

        public static bool IsSmall(IOperation body, int maxOperations)
        {
            var count = 0;
            foreach (var _ in body.Descendants())
            {
                if (++count > maxOperations)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Every return returns a received count, or a sum of them (a helper of the compilation counts as a receive).</summary>
        public bool ReturnsCount()
        {
            var returns = 0;
            foreach (var operation in OwnOperations(this.body))
            {
                if (operation is IReturnOperation { Kind: OperationKind.Return } ret)
                {
                    if (ret.ReturnedValue is null || this.Classify(ret.ReturnedValue, 0) != CountValue.Count)
                    {
                        return false;
                    }

                    returns++;
                }
            }

            return returns > 0;
        }

        /// <summary>
        /// Receives from a stream and signals nothing a caller could see after a 0-byte read: no throw, no field,
        /// property or ref parameter written, no close, cancel or delegate call, no call into other code of the
        /// compilation (its effect is unknown). A receive inside a loop of the helper whose count is never tested is
        /// the helper's own spin (SOCK402 there), not a return.
        /// </summary>
        public bool SwallowsEndOfStream()
        {
            var receives = 0;
            foreach (var operation in OwnOperations(this.body))
            {
                switch (operation)
                {
                    case IThrowOperation:
                        return false;
                    case IAssignmentOperation assignment when IsSignal(assignment.Target):
                        return false;
                    case IIncrementOrDecrementOperation step when IsSignal(step.Target):
                        return false;
                    case IInvocationOperation call:
                        if (ReceiveCalls.FindCountingReceive(call, this.context.Symbols, this.function) is { } member)
                        {
                            if (member.Operation == SocketOperation.ReceiveFrom || ReceiveCalls.IsKnownDatagram(call.Instance, this.function, this.context.Symbols)
                                || (LoopAround(call, this.body) is { } loop && !ReceiveCounts.IsTested(call, this.function) && !ReceiveLoopIgnoresEndOfStreamAnalyzer.ReadsAvailability(loop, this.context.Symbols)))
                            {
                                return false;
                            }

                            receives++;
                        }
                        else if (LoopEffects.MaySignal(call, this.context, this.depth + 1, this.callers, this.cancellationToken, out var cut))
                        {
                            this.Truncated |= cut;
                            return false;
                        }

                        break;
                }
            }

            return receives > 0;
        }

        /// <summary>The operations of a function, not those of lambdas or local functions inside it.</summary>
        public static IEnumerable<IOperation> OwnOperations(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        private static bool IsSignal(IOperation target) => target switch
        {
            ILocalReferenceOperation or IArrayElementReferenceOperation or IDiscardOperation => false,
            IParameterReferenceOperation parameter => parameter.Parameter.RefKind != RefKind.None,
            _ => true,
        };

        private static ILoopOperation? LoopAround(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is ILoopOperation loop)
                {
                    return loop;
                }
            }

            return null;
        }

        private CountValue Classify(IOperation value, int localDepth)
        {
            this.cancellationToken.ThrowIfCancellationRequested();
            value = ReceiveCounts.Unwrap(value);
            switch (value)
            {
                case { ConstantValue: { HasValue: true, Value: 0 or 0L } }:
                    return CountValue.Neutral;
                case IInvocationOperation call:
                    if (ReceiveCalls.FindCountingReceive(call, this.context.Symbols, this.function) is not null)
                    {
                        return CountValue.Count;
                    }

                    var facts = this.context.Helpers.Get(call.TargetMethod, this.depth + 1, this.callers, this.cancellationToken, out var truncated);
                    this.Truncated |= truncated;
                    return facts.ReturnsCount ? CountValue.Count : CountValue.Not;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum:
                    return Join(this.Classify(sum.LeftOperand, localDepth), this.Classify(sum.RightOperand, localDepth));
                case ILocalReferenceOperation local when localDepth < MaxLocalDepth:
                    return this.ClassifyLocal(local.Local, localDepth + 1);
                default:
                    return CountValue.Not;
            }
        }

        /// <summary>A local is a count when every value stored in it is one, and every compound update adds one.</summary>
        private CountValue ClassifyLocal(ILocalSymbol local, int localDepth)
        {
            if (!this.inProgress.Add(local))
            {
                return CountValue.Neutral;
            }

            try
            {
                var result = CountValue.Neutral;
                var definitions = this.function.Definitions(local);
                if (definitions.Count == 0)
                {
                    return CountValue.Not;
                }

                foreach (var definition in definitions)
                {
                    result = Join(result, this.Classify(definition, localDepth));
                }

                foreach (var reference in this.function.References(local))
                {
                    switch (reference.Parent)
                    {
                        case ICompoundAssignmentOperation compound when compound.Target == reference:
                            result = Join(result, compound.OperatorKind == BinaryOperatorKind.Add ? this.Classify(compound.Value, localDepth) : CountValue.Not);
                            break;
                        case IIncrementOrDecrementOperation:
                        case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                            return CountValue.Not;
                    }
                }

                return result;
            }
            finally
            {
                this.inProgress.Remove(local);
            }
        }

        private static CountValue Join(CountValue left, CountValue right) =>
            left == CountValue.Not || right == CountValue.Not ? CountValue.Not
            : left == CountValue.Count || right == CountValue.Count ? CountValue.Count
            : CountValue.Neutral;
    }
}
