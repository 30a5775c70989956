using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Text decoded from a receive's count: <c>Encoding.GetString(b, 0, n)</c> and <c>new string(chars, 0, n)</c> are the
    /// empty string when n is 0 (the end of the stream), and <c>GetChars</c>/<c>GetCharCount</c> return a char count of 0.
    /// Comparisons of that text are evaluated with "" (<see cref="Evaluate"/>), as counts are with 0.
    /// </summary>
    internal static class DecodedText
    {
        /// <summary>The count a decode is bounded by (its count or length argument), or null when the value is no decode.</summary>
        public static IOperation? DecodedCount(IOperation value)
        {
            value = ReceiveCounts.Unwrap(value);
            var (method, arguments) = value switch
            {
                IInvocationOperation call when IsDecoder(call.TargetMethod.ContainingType) && call.TargetMethod.Name is "GetString" or "GetChars" or "GetCharCount"
                    => (call.TargetMethod, call.Arguments),
                IObjectCreationOperation { Type.SpecialType: SpecialType.System_String, Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default),
            };
            if (method is null || !(method.ReturnsVoid || method.ReturnType.SpecialType is SpecialType.System_String or SpecialType.System_Int32 || method.MethodKind == MethodKind.Constructor))
            {
                return null;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Name: "count" or "byteCount" or "length", Type.SpecialType: SpecialType.System_Int32 })
                {
                    return ReceiveCounts.Unwrap(argument.Value);
                }
            }

            return null;
        }

        /// <summary>A call that keeps the empty string empty (<c>s.Trim()</c>, <c>s.ToLowerInvariant()</c>): its instance, or null.</summary>
        public static IOperation? PreservedText(IOperation value) =>
            ReceiveCounts.Unwrap(value) is IInvocationOperation
            {
                TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: false, Name: "Trim" or "TrimEnd" or "TrimStart" or "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" },
                Instance: { } instance,
            }
                ? ReceiveCounts.Unwrap(instance)
                : null;

        /// <summary>
        /// The comparison that looks at a text value (through Trim-like calls): <c>s == "bye"</c>, <c>s is ""</c>,
        /// <c>string.IsNullOrEmpty(s)</c>, <c>s.Equals("x")</c>, <c>s.StartsWith("x")</c>; a length comparison
        /// (<c>s.Length == 0</c>) is returned as a count test of the Length. Returns (test, the value it compares).
        /// </summary>
        public static (IOperation Test, IOperation Value)? TestOf(IOperation value)
        {
            while (value.Parent is IConversionOperation or IParenthesizedOperation
                || (value.Parent is IInvocationOperation call && call.Instance == value && PreservedText(call) is not null))
            {
                value = value.Parent;
            }

            switch (value.Parent)
            {
                case IPropertyReferenceOperation { Property.Name: "Length" } length when length.Instance == value:
                    return ReceiveCounts.TestOf(length) is { } lengthTest ? (lengthTest, length) : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    return (binary, value);
                case IIsPatternOperation pattern:
                    return (pattern, value);
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } call }:
                    return call.TargetMethod.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "Equals" ? (call, value) : null;
                case IInvocationOperation { TargetMethod.Name: "Equals" or "StartsWith" or "EndsWith" or "Contains" } call when call.Instance == value:
                    return (call, value);
                default:
                    return null;
            }
        }

        /// <summary>The value of a text comparison when the text is "" (null for a line, <paramref name="isNull"/>), or null when it cannot be known.</summary>
        public static bool? Evaluate(IOperation test, IOperation value, bool isNull)
        {
            var end = isNull ? null : string.Empty;
            switch (test)
            {
                case IBinaryOperation binary:
                    var other = binary.LeftOperand == value || Contains(binary.LeftOperand, value) ? binary.RightOperand : binary.LeftOperand;
                    return Text(other, out var constant) ? (binary.OperatorKind == BinaryOperatorKind.Equals) == (constant == end) : null;
                case IIsPatternOperation { Pattern: var pattern }:
                    return Match(pattern, end);
                case IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }:
                    return true;
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Equals" } } equals when isNull:
                    return Other(equals, value) is { } operand && Text(operand, out var compared) ? compared is null : null;
                case IInvocationOperation when isNull:
                    return null; // a method of null throws: the loop ends
                case IInvocationOperation call:
                    IOperation? argument = null;
                    foreach (var candidate in call.Arguments)
                    {
                        if (candidate.Value != value && !Contains(candidate.Value, value) && candidate.Parameter?.Type.SpecialType == SpecialType.System_String)
                        {
                            argument = candidate.Value;
                        }
                    }

                    if (argument is null || !Text(argument, out var text) || text is null)
                    {
                        return null;
                    }

                    // "" equals, starts with, ends with or contains only "" — and, in culture-sensitive comparisons, text made of
                    // ignorable characters: only a constant with a visible ASCII character is known not to match.
                    return text.Length == 0 ? true : HasVisibleAscii(text) ? false : null;
                default:
                    return null;
            }
        }

        private static bool? Match(IPatternOperation pattern, string? end) => pattern switch
        {
            IConstantPatternOperation constant => Text(constant.Value, out var text) ? text == end : null,
            INegatedPatternOperation negated => Match(negated.Pattern, end) is { } inner ? !inner : null,
            _ => null,
        };

        /// <summary>The string argument of a call other than the value tested.</summary>
        private static IOperation? Other(IInvocationOperation call, IOperation value)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Value != value && !Contains(argument.Value, value) && argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>A constant string or null; <c>string.Empty</c> is "" (a static readonly field, not a constant).</summary>
        private static bool Text(IOperation operation, out string? text)
        {
            while (operation is IConversionOperation conversion && !operation.ConstantValue.HasValue)
            {
                operation = conversion.Operand;
            }

            if (operation is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } })
            {
                text = string.Empty;
                return true;
            }

            text = operation.ConstantValue is { HasValue: true, Value: string s } ? s : null;
            return operation.ConstantValue.HasValue && (text is not null || operation.ConstantValue.Value is null);
        }

        private static bool HasVisibleAscii(string text)
        {
            foreach (var c in text)
            {
                if (c > ' ' && c < 127)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDecoder(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "Encoding" or "Decoder", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } })
                {
                    return true;
                }
            }

            return false;
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
    }
}
