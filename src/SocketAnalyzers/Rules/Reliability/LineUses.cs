using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// How a line read by <c>ReadLine</c> (null at the end of the stream) is used in a receive loop: compared (the test
    /// is evaluated with null), taken in its stride, or used in a way that may throw on null and so end the loop (not
    /// followed: silent). Text made from a line by concatenation or interpolation is never null (null concatenates as
    /// ""), so it is followed one step further: written, encoded, handed to code of the compilation, or kept in a local
    /// of the loop whose uses are followed the same way.
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
                    tolerant = WritesText(call.TargetMethod) || (nonNull && (EncodesText(call.TargetMethod) || IsOwnCode(call)));
                    return null;
                case IInvalidOperation when nonNull:
                    tolerant = true; // code that does not bind is not followed, as a method of the compilation is not
                    return null;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when nonNull:
                    tolerant = true;
                    derived = declarator.Symbol;
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Text made from a line (a concatenation, an interpolated string) used in a way that cannot end the loop.</summary>
        private static bool IsTolerantText(IOperation text, int depth, out ILocalSymbol? derived) =>
            Of(text, nonNull: true, depth + 1, out var tolerant, out derived) is null && tolerant;

        /// <summary>Methods that write a null string as nothing.</summary>
        private static bool WritesText(IMethodSymbol method) =>
            method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" or "Append" or "AppendLine"
            && method.ContainingType is { Name: "Console" or "TextWriter" or "StreamWriter" or "StringBuilder" or "Debug" or "Trace" } type
            && type.ContainingNamespace is { } ns && (ns.Name == "System" || ns.ContainingNamespace?.Name == "System");

        /// <summary>
        /// A method of the compilation or a delegate: as for counts, the analysis does not follow a value into other code,
        /// and does not assume that text (never null) makes it throw. Library methods are judged by what they are known to do.
        /// </summary>
        private static bool IsOwnCode(IInvocationOperation call) =>
            call.TargetMethod.MethodKind == MethodKind.DelegateInvoke
            || (call.SemanticModel is { } model && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingAssembly, model.Compilation.Assembly));

        /// <summary><c>Encoding.GetBytes(string)</c> and <c>GetByteCount(string)</c>: total on any string that is not null.</summary>
        private static bool EncodesText(IMethodSymbol method) =>
            method.Name is "GetBytes" or "GetByteCount" && method.Parameters.Length == 1
            && method.ContainingType is { Name: "Encoding", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } };
    }
}
