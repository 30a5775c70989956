using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether code after a receive whose count was only compared with 0 uses more of the buffer than one byte: reads
    /// it at a fixed offset past 0 (<c>header[4]</c>), decodes it whole (<c>Encoding.GetString(buffer)</c>,
    /// <c>BitConverter.ToInt32(buffer, 0)</c>, <c>new MemoryStream(buffer)</c>), or hands it on with the size the receive
    /// asked for (<c>OnData(buffer, 0, size)</c>, <c>Write(buffer, 0, buffer.Length)</c>). A receive returns what has
    /// arrived (D13–D15): 1 byte of a 6-byte header is a legal result. The uses are those after the receive in the same
    /// function, up to the next write to the buffer variable or the next read into it.
    /// </summary>
    internal static class BufferMisuse
    {
        public static bool After(IInvocationOperation receive, FunctionFacts function, ReceiveContext context)
        {
            if (ReceiveCalls.Buffer(receive) is not { } buffer || BlockingSocketCall.ReferencedSymbol(buffer) is not { } symbol
                || symbol is IPropertySymbol)
            {
                return false;
            }

            var requested = RequestedSize(receive);
            var uses = context.Uses.Of(function.Operation, symbol);
            for (var i = SymbolUsesCache.FirstAtOrAfter(uses, receive.Syntax.Span.End); i < uses.Count; i++)
            {
                var use = uses[i];
                var value = Outer(use);
                switch (value.Parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == value:
                        return false; // another buffer from here on
                    case IArgumentOperation { Parent: IInvocationOperation call } argument when call.TargetMethod.Name.StartsWith("Read", System.StringComparison.Ordinal)
                        || call.TargetMethod.Name.StartsWith("Receive", System.StringComparison.Ordinal):
                        return false; // read into again
                    case IArrayElementReferenceOperation element when IsPastFirstByte(element) && !IsWritten(element):
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation call } argument when UsesMoreThanOneByte(call.TargetMethod, call.Arguments, argument, symbol, requested):
                        return true;
                    case IArgumentOperation { Parent: IObjectCreationOperation creation } argument when UsesMoreThanOneByte(creation.Constructor, creation.Arguments, argument, symbol, requested):
                        return true;
                }
            }

            return false;
        }

        /// <summary>The size argument of the receive (<c>size</c>, <c>count</c>), or null when it asks for the whole buffer.</summary>
        private static IOperation? RequestedSize(IInvocationOperation receive)
        {
            foreach (var argument in receive.Arguments)
            {
                if (argument.Parameter is { Name: "size" or "count" } && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return Strip(argument.Value);
                }
            }

            return null;
        }

        private static bool UsesMoreThanOneByte(IMethodSymbol? method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IArgumentOperation bufferArgument, ISymbol buffer, IOperation? requested)
        {
            if (method is null || method.Name is "Clear" or "Fill" or "Resize" or "Return")
            {
                return false;
            }

            var type = method.ContainingType;
            if (arguments.Length == 1 && (IsEncoding(type) && method.Name is "GetString" or "GetChars" or "GetCharCount"
                || type is { Name: "MemoryStream", ContainingNamespace.Name: "IO" }))
            {
                return true; // the whole buffer
            }

            if (type is { Name: "BitConverter" } && method.Name.StartsWith("To", System.StringComparison.Ordinal))
            {
                return method.Name != "ToBoolean" || arguments.Length < 2 || EndOfStreamTest.Constant(arguments[1].Value) is not 0;
            }

            if (type is { Name: "BinaryPrimitives" } && method.Name.StartsWith("Read", System.StringComparison.Ordinal))
            {
                return true; // two bytes or more
            }

            foreach (var argument in arguments)
            {
                if (argument != bufferArgument && argument.ArgumentKind == ArgumentKind.Explicit && IsRequestedSize(Strip(argument.Value), buffer, requested))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>buffer.Length</c> when the receive asked for the whole buffer, or the very size argument it passed.</summary>
        private static bool IsRequestedSize(IOperation value, ISymbol buffer, IOperation? requested)
        {
            if (IsLengthOf(value, buffer))
            {
                return requested is null || IsLengthOf(requested, buffer);
            }

            if (requested is null)
            {
                return false;
            }

            if (EndOfStreamTest.Constant(requested) is { } size)
            {
                return size > 1 && EndOfStreamTest.Constant(value) == size;
            }

            return BlockingSocketCall.ReferencedSymbol(requested) is { } sizeSymbol and not IPropertySymbol
                && SymbolEqualityComparer.Default.Equals(BlockingSocketCall.ReferencedSymbol(value), sizeSymbol);
        }

        private static bool IsLengthOf(IOperation value, ISymbol buffer) =>
            value is IPropertyReferenceOperation { Property.Name: "Length" } length
            && SymbolEqualityComparer.Default.Equals(BlockingSocketCall.ReferencedSymbol(length.Instance), buffer);

        private static bool IsEncoding(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "Encoding" or "Decoder", ContainingNamespace.Name: "Text" })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPastFirstByte(IArrayElementReferenceOperation element) =>
            element.Indices.Length == 1 && EndOfStreamTest.Constant(element.Indices[0]) is >= 1;

        private static bool IsWritten(IOperation element) =>
            element.Parent is IAssignmentOperation assignment && assignment.Target == element
            || element.Parent is IIncrementOrDecrementOperation;

        private static IOperation Outer(IOperation use)
        {
            while (use.Parent is IConversionOperation or IParenthesizedOperation)
            {
                use = use.Parent;
            }

            return use;
        }

        private static IOperation Strip(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }
    }
}
