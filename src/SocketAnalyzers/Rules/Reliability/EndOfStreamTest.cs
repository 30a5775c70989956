using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a comparison of a receive's result handles the end of the stream in a loop: its outcome for the value a
    /// receive returns then (0, or -1 for ReadByte) must reach an exit of the loop — the loop condition becoming false,
    /// or a branch (or the code after it in the body) that breaks, returns, throws, clears the loop's flag or closes.
    /// <c>if (n > 0) Relay(b, n);</c> tests the count and still spins on 0. Whatever cannot be evaluated (a comparison with
    /// a variable, a test stored in a bool, a switch) is taken as handled: precision first.
    /// </summary>
    internal static class EndOfStreamTest
    {
        /// <summary>Whether the test <paramref name="test"/> of <paramref name="count"/> (a part of it) sends <paramref name="endValue"/> out of the loop.</summary>
        public static bool Handles(IOperation test, IOperation count, int endValue, ILoopOperation loop, HashSet<ISymbol> conditionSymbols, ReceiveContext context, CancellationToken cancellationToken)
        {
            if (Evaluate(test, count, endValue) is not { } outcome)
            {
                return true;
            }

            // Climb through !, &&, || and parentheses to the condition the test decides.
            IOperation root = test;
            bool? value = outcome;
            while (value is { } known && root.Parent is { } parent)
            {
                if (parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not })
                {
                    value = !known;
                }
                else if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And })
                {
                    value = known ? null : false; // true && unknown is unknown
                }
                else if (parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or })
                {
                    value = known ? true : null;
                }
                else if (parent is not (IParenthesizedOperation or IConversionOperation))
                {
                    break;
                }

                root = parent;
            }

            if (value is not { } decided)
            {
                return true;
            }

            if (IsConditionOf(root, loop))
            {
                return !decided; // the loop condition is false on the end of the stream
            }

            if (root.Parent is not IConditionalOperation { Type: null } statement || statement.Condition != root)
            {
                return true; // a ternary, a stored bool, an argument: not followed
            }

            var branch = decided ? statement.WhenTrue : statement.WhenFalse;
            if (branch is not null && LoopEffects.MayExit(branch, loop, conditionSymbols, context, cancellationToken))
            {
                return true;
            }

            return (branch is null || !EndsWithContinue(branch, loop)) && CodeAfterMayExit(statement, loop, conditionSymbols, context, cancellationToken);
        }

        /// <summary>The value of the comparison when the count is <paramref name="endValue"/>, or null when it cannot be known.</summary>
        internal static bool? Evaluate(IOperation test, IOperation count, int endValue)
        {
            if (count.Type?.SpecialType == SpecialType.System_String)
            {
                return DecodedText.Evaluate(test, count, endValue == ReceiveSite.NullEnd);
            }

            switch (test)
            {
                case IBinaryOperation binary:
                    var countOnLeft = Contains(binary.LeftOperand, count);
                    var other = countOnLeft ? binary.RightOperand : binary.LeftOperand;
                    if (Constant(other) is not { } constant)
                    {
                        return null;
                    }

                    return countOnLeft ? Compare(binary.OperatorKind, endValue, constant) : Compare(binary.OperatorKind, constant, endValue);
                case IIsPatternOperation isPattern:
                    return Match(isPattern.Pattern, endValue);
                default:
                    return null;
            }
        }

        private static bool? Match(IPatternOperation pattern, int value) => pattern switch
        {
            IConstantPatternOperation constant => Constant(constant.Value) is { } c ? value == c : null,
            IRelationalPatternOperation relational => Constant(relational.Value) is { } c ? Compare(relational.OperatorKind, value, c) : null,
            INegatedPatternOperation negated => Match(negated.Pattern, value) is { } inner ? !inner : null,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } either => Match(either.LeftPattern, value) is { } l && Match(either.RightPattern, value) is { } r ? l || r : null,
            IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both => Match(both.LeftPattern, value) is { } l && Match(both.RightPattern, value) is { } r ? l && r : null,
            _ => null,
        };

        private static bool? Compare(BinaryOperatorKind kind, long left, long right) => kind switch
        {
            BinaryOperatorKind.Equals => left == right,
            BinaryOperatorKind.NotEquals => left != right,
            BinaryOperatorKind.LessThan => left < right,
            BinaryOperatorKind.LessThanOrEqual => left <= right,
            BinaryOperatorKind.GreaterThan => left > right,
            BinaryOperatorKind.GreaterThanOrEqual => left >= right,
            _ => null,
        };

        /// <summary>An integral or char constant, through conversions.</summary>
        internal static long? Constant(IOperation operation)
        {
            while (operation is IConversionOperation conversion && !operation.ConstantValue.HasValue)
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue is { HasValue: true, Value: var value } ? value switch
            {
                int i => i,
                long l => l,
                char c => c,
                byte b => b,
                short s => s,
                sbyte sb => sb,
                ushort us => us,
                uint ui => ui,
                _ => null,
            } : null;
        }

        private static bool Contains(IOperation root, IOperation part)
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

        private static bool IsConditionOf(IOperation condition, ILoopOperation loop) => loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition == condition,
            IForLoopOperation forLoop => forLoop.Condition == condition,
            _ => false,
        };

        private static bool EndsWithContinue(IOperation branch, ILoopOperation loop)
        {
            var last = branch;
            while (last is IBlockOperation { Operations.Length: > 0 } block)
            {
                last = block.Operations[block.Operations.Length - 1];
            }

            return last is IBranchOperation { BranchKind: BranchKind.Continue } jump && SymbolEqualityComparer.Default.Equals(jump.Target, loop.ContinueLabel);
        }

        /// <summary>Whether the statements after <paramref name="statement"/>, up to the end of the loop body, may leave the loop.</summary>
        private static bool CodeAfterMayExit(IOperation statement, ILoopOperation loop, HashSet<ISymbol> conditionSymbols, ReceiveContext context, CancellationToken cancellationToken)
        {
            var child = statement;
            for (var parent = statement.Parent; parent is not null && parent != loop; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IBlockOperation block:
                        var after = false;
                        foreach (var sibling in block.Operations)
                        {
                            if (after && LoopEffects.MayExit(sibling, loop, conditionSymbols, context, cancellationToken))
                            {
                                return true;
                            }

                            after |= sibling == child;
                        }

                        break;
                    case ITryOperation { Finally: { } final } tryOperation when tryOperation.Body == child:
                        if (LoopEffects.MayExit(final, loop, conditionSymbols, context, cancellationToken))
                        {
                            return true;
                        }

                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation or ILoopOperation:
                        return true; // not the loop's own code: not followed
                }
            }

            return false;
        }
    }
}
