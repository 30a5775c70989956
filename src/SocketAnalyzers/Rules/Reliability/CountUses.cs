using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// How SOCK401 sees the uses of one receive's count: thrown away (a statement, a discard, a local never read, reads
    /// inside [Conditional] calls aside), only compared with constants (<see cref="Guaranteed"/>: the most bytes any
    /// outcome of those comparisons guarantees), or used in a way that may bound the use of the buffer (arithmetic, an
    /// argument, a comparison with a length).
    /// </summary>
    internal readonly struct CountUse
    {
        private const int BoundingCode = -2;
        private const int IgnoredCode = -1;

        private CountUse(int code) => this.Code = code;

        public static CountUse Ignored => new(IgnoredCode);

        public static CountUse Bounding => new(BoundingCode);

        /// <summary>The use as one number (for a per-function memo): -2 bounding, -1 ignored, else the guarantee.</summary>
        public int Code { get; }

        public bool IsIgnored => this.Code == IgnoredCode;

        public bool IsOnlyCompared => this.Code >= 0;

        /// <summary>For a count only compared with constants: the most bytes any outcome guarantees (1 for <c>n &gt; 0</c>).</summary>
        public int Guaranteed => this.Code;

        public static CountUse FromCode(int code) => new(code);

        public static CountUse Compared(long guaranteed) => guaranteed is >= 0 and < int.MaxValue ? new((int)guaranteed) : Bounding;

        public CountUse Join(CountUse other) =>
            this.Code == BoundingCode || other.Code == BoundingCode ? Bounding
            : this.IsIgnored ? other
            : other.IsIgnored ? this
            : new(System.Math.Max(this.Code, other.Code));
    }

    /// <summary>
    /// Classifies what a function does with a receive's count. A comparison with a constant guarantees a number of bytes
    /// on one of its outcomes (<c>n &gt;= 4</c>: 4; <c>n &gt; 0</c>, <c>n == 0</c>, <c>n &lt; 1</c>: 1, only that something
    /// arrived); a comparison with anything else (<c>n == header.Length</c>) may bound the use. A check inside a call to a
    /// [Conditional] method (<c>Debug.Assert(n == 4)</c>) is compiled out of Release builds and counts for nothing.
    /// </summary>
    internal static class CountUses
    {
        private const int LocalUseFact = 2;

        public static CountUse Classify(IInvocationOperation call, FunctionFacts function, ReceiveContext context)
        {
            var value = ReceiveCounts.Outermost(call);
            if (ReceiveResultIgnoredAnalyzer.IsDiscarded(call))
            {
                return CountUse.Ignored;
            }

            var direct = CountUse.Ignored;
            ILocalSymbol local;
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    local = declarator.Symbol;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value:
                    if (ReceiveCounts.TestOf(assignment) is { } assignedTest)
                    {
                        direct = Compared(assignedTest, assignment);
                    }

                    local = target.Local;
                    break;
                default:
                    return ReceiveCounts.TestOf(value) is { } test ? Compared(test, value) : CountUse.Bounding;
            }

            // A count overwritten before anything reads it is thrown away, whatever reads the later counts.
            if (DeadStore.IsOverwrittenBeforeRead(value.Parent, local, function, context.Uses))
            {
                return CountUse.Ignored;
            }

            // Many receives may store into one local: its uses are classified once.
            return direct.Join(CountUse.FromCode(context.Uses.Memo(function.Operation, local, LocalUseFact, _ => ClassifyLocal(local, function).Code)));
        }

        private static CountUse ClassifyLocal(ILocalSymbol local, FunctionFacts function)
        {
            var result = CountUse.Ignored;
            foreach (var reference in function.References(local))
            {
                if (reference.Parent is ISimpleAssignmentOperation written && written.Target == reference || InConditionalCall(reference, function.Operation))
                {
                    continue;
                }

                result = result.Join(ReceiveCounts.TestOf(reference) is { } test ? Compared(test, reference) : CountUse.Bounding);
                if (!result.IsOnlyCompared && !result.IsIgnored)
                {
                    return result;
                }
            }

            return result;
        }

        /// <summary>What a comparison with a constant guarantees; bounding when it compares with anything else.</summary>
        private static CountUse Compared(IOperation test, IOperation count) => test switch
        {
            IBinaryOperation binary => CountUse.Compared(Guaranteed(binary.OperatorKind, Other(binary, count), countOnLeft: IsWithin(binary.LeftOperand, count))),
            IIsPatternOperation pattern => CountUse.Compared(Guaranteed(pattern.Pattern)),
            _ => CountUse.Bounding,
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
