using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>How SOCK401 sees the uses of one receive's count.</summary>
    internal enum CountUse
    {
        /// <summary>Thrown away: a statement, a discard, or a local never read (reads inside [Conditional] calls aside).</summary>
        Ignored,

        /// <summary>Only compared with 0 (or 1): "something arrived", not how much.</summary>
        OnlyComparedWithZero,

        /// <summary>Used in a way that may bound the use of the buffer (arithmetic, an argument, a comparison with a length).</summary>
        Bounding,
    }

    /// <summary>
    /// Classifies what a function does with a receive's count. A comparison bounds the count only when it guarantees more
    /// than one byte (<c>n &gt;= 4</c>, <c>n == header.Length</c>); <c>n &gt; 0</c>, <c>n == 0</c>, <c>n &lt; 1</c> only say
    /// that something arrived. A check inside a call to a [Conditional] method (<c>Debug.Assert(n == 4)</c>) is compiled
    /// out of Release builds and counts for nothing.
    /// </summary>
    internal static class CountUses
    {
        public static CountUse Classify(IInvocationOperation call, FunctionFacts function, ReceiveContext context)
        {
            var value = ReceiveCounts.Outermost(call);
            if (ReceiveResultIgnoredAnalyzer.IsDiscarded(call))
            {
                return CountUse.Ignored;
            }

            ILocalSymbol? local = null;
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    local = declarator.Symbol;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                    if (ReceiveCounts.TestOf(assignment) is { } assignedTest)
                    {
                        return OnlyAboutArrival(assignedTest, assignment) ? CountUse.OnlyComparedWithZero : CountUse.Bounding;
                    }

                    local = target.Local;
                    break;
                default:
                    return ReceiveCounts.TestOf(value) is { } test && OnlyAboutArrival(test, value) ? CountUse.OnlyComparedWithZero : CountUse.Bounding;
            }

            // Many receives may store into one local: its uses are classified once.
            return (CountUse)context.Uses.Memo(function.Operation, local, LocalUseFact, _ => (int)ClassifyLocal(local, function));
        }

        private const int LocalUseFact = 2;

        private static CountUse ClassifyLocal(ILocalSymbol local, FunctionFacts function)
        {
            var result = CountUse.Ignored;
            foreach (var reference in function.References(local))
            {
                if (reference.Parent is ISimpleAssignmentOperation written && written.Target == reference || InConditionalCall(reference, function.Operation))
                {
                    continue;
                }

                if (ReceiveCounts.TestOf(reference) is { } test && OnlyAboutArrival(test, reference))
                {
                    result = CountUse.OnlyComparedWithZero;
                    continue;
                }

                return CountUse.Bounding;
            }

            return result;
        }

        /// <summary>Whether the comparison guarantees at most one byte on either outcome.</summary>
        private static bool OnlyAboutArrival(IOperation test, IOperation count) => test switch
        {
            IBinaryOperation binary => Guaranteed(binary.OperatorKind, Other(binary, count), countOnLeft: IsWithin(binary.LeftOperand, count)) <= 1,
            IIsPatternOperation pattern => Guaranteed(pattern.Pattern) <= 1,
            _ => false,
        };

        private static IOperation Other(IBinaryOperation binary, IOperation count) =>
            IsWithin(binary.LeftOperand, count) ? binary.RightOperand : binary.LeftOperand;

        /// <summary>The most bytes either outcome of <c>count OP constant</c> guarantees; large when unknown.</summary>
        private static long Guaranteed(BinaryOperatorKind kind, IOperation other, bool countOnLeft)
        {
            if (EndOfStreamTest.Constant(other) is not { } c)
            {
                return long.MaxValue;
            }

            if (!countOnLeft)
            {
                kind = kind switch
                {
                    BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                    BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                    BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                    BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                    _ => kind,
                };
            }

            return kind switch
            {
                // n > c and n <= c: one outcome guarantees c + 1; n >= c and n < c: c; n == c and n != c: c (0 means "not 0": 1).
                BinaryOperatorKind.GreaterThan or BinaryOperatorKind.LessThanOrEqual => c + 1,
                BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan => c,
                BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals => c == 0 ? 1 : c,
                _ => long.MaxValue,
            };
        }

        private static long Guaranteed(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation constant => EndOfStreamTest.Constant(constant.Value) is { } c ? (c == 0 ? 1 : c) : long.MaxValue,
            IRelationalPatternOperation relational => Guaranteed(relational.OperatorKind, relational.Value, countOnLeft: true),
            INegatedPatternOperation negated => Guaranteed(negated.Pattern),
            IBinaryPatternOperation binary => System.Math.Max(Guaranteed(binary.LeftPattern), Guaranteed(binary.RightPattern)),
            _ => long.MaxValue,
        };

        private static bool IsWithin(IOperation root, IOperation part)
        {
            for (var current = part; current is not null; current = current.Parent)
            {
                if (current == root)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Inside an argument of a call to a [Conditional] method (Debug.Assert): gone from Release builds.</summary>
        private static bool InConditionalCall(IOperation reference, IOperation function)
        {
            for (var current = reference.Parent; current is not null && current != function; current = current.Parent)
            {
                if (current is IInvocationOperation call)
                {
                    foreach (var attribute in call.TargetMethod.GetAttributes())
                    {
                        if (attribute.AttributeClass is { Name: "ConditionalAttribute", ContainingNamespace.Name: "Diagnostics" })
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
