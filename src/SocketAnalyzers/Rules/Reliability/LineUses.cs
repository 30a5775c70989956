using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// How a line read by <c>ReadLine</c> (null at the end of the stream) is used in a receive loop: compared (the test
    /// is evaluated with null), taken in its stride, or used in a way that may throw on null and so end the loop (not
    /// followed: silent). Text made from a line by concatenation or interpolation is never null (null concatenates as
    /// ""), so it is followed one step further: written, encoded, or kept in a local of the loop whose uses are followed
    /// the same way.
    /// </summary>
    internal static class LineUses
    {
        private const int MaxDepth = 4;

        /// <summary>
        /// How a line is used: a comparison (returned), a use that takes null in its stride (an argument of
        /// Console/TextWriter/StringBuilder/Debug writes, a part of a concatenation or an interpolated string, the target
        /// of its assignment: <paramref name="tolerant"/>; with <paramref name="derived"/>, a local of text made from it),
        /// or anything else — a member access throws on null and an unknown method may, which ends the loop.
        /// </summary>
        public static (IOperation Test, IOperation Value)? OfLine(IOperation value, out bool tolerant, out ILocalSymbol? derived) =>
            Of(value, nonNull: false, 0, out tolerant, out derived);

        /// <summary>As <see cref="OfLine"/>, for text made from a line (never null); a comparison of it is not evaluated (not tolerant).</summary>
        public static bool IsTolerantTextUse(IOperation value, out ILocalSymbol? derived) =>
            Of(value, nonNull: true, 0, out var tolerant, out derived) is null && tolerant;

        private static (IOperation Test, IOperation Value)? Of(IOperation value, bool nonNull, int depth, out bool tolerant, out ILocalSymbol? derived)
        {
            tolerant = false;
            derived = null;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            switch (value.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == value:
                    tolerant = true;
                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation when depth < MaxDepth:
                    tolerant = IsTolerantText(concatenation, depth, out derived);
                    return null;
                case IInterpolationOperation { Parent: IInterpolatedStringOperation { Type.SpecialType: SpecialType.System_String } text } when depth < MaxDepth:
                    tolerant = IsTolerantText(text, depth, out derived);
                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    return (binary, value);
                case IIsPatternOperation pattern:
                    return (pattern, value);
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "Equals" } } call }:
                    return (call, value);
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    tolerant = WritesText(call.TargetMethod) || (nonNull && EncodesText(call.TargetMethod));
                    return null;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when nonNull:
                    tolerant = true;
                    derived = declarator.Symbol;
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Whether the use sits where a null line never goes: a branch of an <c>if</c>, or the right side of
        /// <c>&amp;&amp;</c>/<c>||</c>, that the line's comparisons send null away from (<c>if (line != null) Handle(line);</c>).
        /// On the end-of-stream path such a use never runs, so it cannot throw there. Only for a line written once in the
        /// loop: another write between the test and the use could bring a null back.
        /// </summary>
        public static bool SkippedOnNull(IOperation use, ILocalSymbol line, ILoopOperation loop)
        {
            var child = use;
            for (var parent = use.Parent; parent is not null && parent != loop; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                    case IBlockOperation block when JumpsAwayBefore(block, child, line):
                        return true;
                    case IConditionalOperation conditional when child != conditional.Condition:
                        if (ValueOnNull(conditional.Condition, line) is { } value && value != (child == conditional.WhenTrue))
                        {
                            return true;
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when child == both.RightOperand:
                        if (ValueOnNull(both.LeftOperand, line) == false)
                        {
                            return true;
                        }

                        break;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when child == either.RightOperand:
                        if (ValueOnNull(either.LeftOperand, line) == true)
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>An earlier statement of the block that jumps away on null: <c>if (line == null) continue;</c>.</summary>
        private static bool JumpsAwayBefore(IBlockOperation block, IOperation child, ILocalSymbol line)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == child)
                {
                    return false;
                }

                if (statement is IConditionalOperation { Type: null } conditional && ValueOnNull(conditional.Condition, line) is { } value
                    && (value ? conditional.WhenTrue : conditional.WhenFalse) is { } taken && AlwaysJumps(taken))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>The value of a condition when the line is null, through !, &amp;&amp; and ||; null when it cannot be known.</summary>
        private static bool? ValueOnNull(IOperation condition, ILocalSymbol line)
        {
            switch (condition)
            {
                case IParenthesizedOperation parenthesized:
                    return ValueOnNull(parenthesized.Operand, line);
                case IConversionOperation conversion:
                    return ValueOnNull(conversion.Operand, line);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ValueOnNull(not.Operand, line) is { } inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                    var (l, r) = (ValueOnNull(both.LeftOperand, line), ValueOnNull(both.RightOperand, line));
                    return l == false || r == false ? false : l == true && r == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either:
                    var (a, b) = (ValueOnNull(either.LeftOperand, line), ValueOnNull(either.RightOperand, line));
                    return a == true || b == true ? true : a == false && b == false ? false : null;
            }

            foreach (var part in condition.DescendantsAndSelf())
            {
                if (part is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, line)
                    && OfLine(reference, out _, out _) is var (test, value) && test == condition)
                {
                    return DecodedText.Evaluate(test, value, isNull: true);
                }
            }

            return null;
        }

        /// <summary>Text made from a line (a concatenation, an interpolated string) used in a way that cannot end the loop.</summary>
        private static bool IsTolerantText(IOperation text, int depth, out ILocalSymbol? derived) =>
            Of(text, nonNull: true, depth + 1, out var tolerant, out derived) is null && tolerant;

        /// <summary>Methods that write a null string as nothing.</summary>
        private static bool WritesText(IMethodSymbol method) =>
            method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" or "Append" or "AppendLine"
            && method.ContainingType is { Name: "Console" or "TextWriter" or "StreamWriter" or "StringBuilder" or "Debug" or "Trace" } type
            && type.ContainingNamespace is { } ns && (ns.Name == "System" || ns.ContainingNamespace?.Name == "System");

        /// <summary><c>Encoding.GetBytes(string)</c> and <c>GetByteCount(string)</c>: total on any string that is not null.</summary>
        private static bool EncodesText(IMethodSymbol method) =>
            method.Name is "GetBytes" or "GetByteCount" && method.Parameters.Length == 1
            && method.ContainingType is { Name: "Encoding", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } };
    }
}
