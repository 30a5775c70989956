using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Where the end-of-stream iteration of a receive loop goes: which code it skips because a comparison of the result
    /// (0, -1 or null) sends it elsewhere. A use of a null line there cannot throw, and a comparison there cannot handle
    /// the end: the end-of-stream path never reaches it.
    /// </summary>
    internal sealed class EndOfStreamPath
    {
        private readonly ILoopOperation loop;
        private readonly Func<ILocalSymbol, int, int?> endValueOf;

        /// <summary>Per block, its first statement that jumps away on the end (null: none): each block is scanned once.</summary>
        private readonly Dictionary<IBlockOperation, IOperation?> jumps = new();

        /// <param name="loop">The receive loop.</param>
        /// <param name="endValueOf">The end value of a local that holds a result at a position of the loop (null for any other local, or where it may hold another value).</param>
        public EndOfStreamPath(ILoopOperation loop, Func<ILocalSymbol, int, int?> endValueOf)
        {
            this.loop = loop;
            this.endValueOf = endValueOf;
        }

        /// <summary>
        /// Whether <paramref name="operation"/> sits where the end-of-stream iteration never goes: a branch of an
        /// <c>if</c>, or the right side of <c>&amp;&amp;</c>/<c>||</c>, that comparisons of the loop's results send the end
        /// away from, or after an earlier <c>if</c> of its block that jumps away on it (<c>if (line == null) continue;</c>).
        /// Once the peer has closed, every result of the loop is at its end on each iteration (D12): a comparison counts
        /// only for a local that every iteration writes once, before the comparison (the constructor's function says).
        /// </summary>
        public bool Skipped(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null && parent != this.loop; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case IBlockOperation block when this.JumpsAwayBefore(block, child):
                        return true;
                    case IConditionalOperation conditional when child != conditional.Condition:
                        if (this.ValueOnEnd(conditional.Condition) is { } value && value != (child == conditional.WhenTrue))
                        {
                            return true;
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when child == both.RightOperand:
                        if (this.ValueOnEnd(both.LeftOperand) == false)
                        {
                            return true;
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when child == either.RightOperand:
                        if (this.ValueOnEnd(either.LeftOperand) == true)
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>An earlier statement of the block that jumps away on the end value: <c>if (line == null) continue;</c>.</summary>
        private bool JumpsAwayBefore(IBlockOperation block, IOperation child)
        {
            if (!this.jumps.TryGetValue(block, out var jump))
            {
                foreach (var statement in block.Operations)
                {
                    if (statement is IConditionalOperation { Type: null } conditional && this.ValueOnEnd(conditional.Condition) is { } value
                        && (value ? conditional.WhenTrue : conditional.WhenFalse) is { } taken && AlwaysJumps(taken))
                    {
                        jump = statement;
                        break;
                    }
                }

                this.jumps[block] = jump;
            }

            return jump is not null && jump.Syntax.SpanStart < child.Syntax.SpanStart;
        }

        /// <summary>Code that ends in a jump: its last statement is a break, continue, return or throw (a goto may land before the use).</summary>
        private static bool AlwaysJumps(IOperation code)
        {
            while (code is IBlockOperation { Operations.Length: > 0 } block)
            {
                code = block.Operations[block.Operations.Length - 1];
            }

            return code is IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } or IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
        }

        /// <summary>The value of a condition when the local holds its end value, through !, &amp;&amp; and ||; null when it cannot be known.</summary>
        private bool? ValueOnEnd(IOperation condition)
        {
            switch (condition)
            {
                case IParenthesizedOperation parenthesized:
                    return this.ValueOnEnd(parenthesized.Operand);
                case IConversionOperation conversion:
                    return this.ValueOnEnd(conversion.Operand);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return this.ValueOnEnd(not.Operand) is { } inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                    var (l, r) = (this.ValueOnEnd(both.LeftOperand), this.ValueOnEnd(both.RightOperand));
                    return l == false || r == false ? false : l == true && r == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                    var (a, b) = (this.ValueOnEnd(either.LeftOperand), this.ValueOnEnd(either.RightOperand));
                    return a == true || b == true ? true : a == false && b == false ? false : null;
            }

            foreach (var part in condition.DescendantsAndSelf())
            {
                if (part is not ILocalReferenceOperation reference || this.endValueOf(reference.Local, condition.Syntax.SpanStart) is not { } endValue)
                {
                    continue;
                }

                if (reference.Local.Type.SpecialType == SpecialType.System_String && endValue != ReceiveSite.NullEnd)
                {
                    return DecodedText.TestOf(reference) is var (textTest, text) && textTest == condition ? EndOfStreamTest.Evaluate(textTest, text, endValue) : null;
                }

                if (endValue == ReceiveSite.NullEnd)
                {
                    return LineUses.OfLine(reference, out _, out _) is var (test, value) && test == condition ? DecodedText.Evaluate(test, value, isNull: true) : null;
                }

                return ReceiveCounts.TestOf(reference) == condition ? EndOfStreamTest.Evaluate(condition, reference, endValue) : null;
            }

            return null;
        }
    }
}
