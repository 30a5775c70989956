using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether code after a receive whose count was only compared with constants uses more of the buffer than those
    /// comparisons guarantee (1 byte after <c>n &gt; 0</c>, 2 after <c>n &lt; 2</c> returns): reads it at a fixed offset
    /// past them (<c>header[4]</c>), decodes it whole (<c>Encoding.GetString(buffer)</c>, <c>new MemoryStream(buffer)</c>),
    /// reads a value wider than them (<c>BitConverter.ToInt32(buffer, 0)</c>, <c>BinaryPrimitives.ReadInt32BigEndian</c>),
    /// or hands it on with the size the receive asked for (<c>OnData(buffer, 0, size)</c>,
    /// <c>Write(buffer, 0, buffer.Length)</c>). A receive returns what has arrived (D13–D15): 1 byte of a 6-byte header
    /// is a legal result. The uses are those after the receive in the same function, up to the next write to the buffer
    /// variable or the next read into it. A size that is not a constant counts as "more than 1 byte", nothing more.
    /// </summary>
    internal static class BufferMisuse
    {
        public static bool After(IInvocationOperation receive, int guaranteed, FunctionFacts function, ReceiveContext context, CancellationToken cancellationToken)
        {
            // An End call's buffer is the one its Begin calls passed, whole (ApmBuffer); any other receive's is its first argument.
            ISymbol? symbol = context.ApmBuffers.Of(receive, function.Operation, context.Helpers.ModelOf, cancellationToken);
            if (symbol is null && (receive.TargetMethod.Name.StartsWith("End", StringComparison.Ordinal)
                || ReceiveCalls.Buffer(receive) is not { } buffer || (symbol = BlockingSocketCall.ReferencedSymbol(buffer)) is null
                || symbol is IPropertySymbol))
            {
                return false;
            }

            var requested = RequestedSize(receive);
            var uses = context.Uses.Of(function.Operation, symbol);
            for (var i = SymbolUsesCache.FirstAtOrAfter(uses, receive.Syntax.Span.End); i < uses.Count; i++)
            {
                var use = uses[i];
                var value = Outer(use);
                if (value.Parent is IInvocationOperation { TargetMethod.Name: "Clone", Arguments.Length: 0 } clone && clone.Instance == value)
                {
                    value = Outer(clone); // a copy of the whole buffer, stale bytes and all
                }

                switch (value.Parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == value:
                        return false; // another buffer from here on
                    case IArgumentOperation { Parent: IInvocationOperation call } argument when !ReadsInto(call, context) && UsesMore(call.TargetMethod, call.Arguments, argument, symbol, requested, guaranteed):
                        return true;
                    case IArrayElementReferenceOperation element when IsPast(element, guaranteed) && !IsWritten(element):
                        return true;
                    case IArgumentOperation { Parent: IInvocationOperation call } argument when !ReadsInto(call, context) && WholeBuffer.HandedOnAlone(call, argument, context, cancellationToken):
                    case IInvalidOperation invalid when WholeBuffer.HandedOnAlone(invalid, value):
                        return Exceeds(requested is null ? null : EndOfStreamTest.Constant(requested), guaranteed);
                    case IArgumentOperation { Parent: IInvocationOperation call } argument when (call.Arguments[0] == argument && ReadsInto(call, context))
                        || context.Helpers.IsInCompilation(call.TargetMethod) || (argument.Parameter?.Name is "destination" or "dst" or "destinationArray"):
                        return false; // read or copied into again, or handed to code of the compilation that may fill it
                    case IArgumentOperation { Parent: IObjectCreationOperation creation } argument when UsesMore(creation.Constructor, creation.Arguments, argument, symbol, requested, guaranteed):
                        return true;
                }
            }

            return false;
        }

        /// <summary>A receive of the socket API, or a Read… of a stream (ReadExactly, a Read on any stream): it fills the buffer again.</summary>
        private static bool ReadsInto(IInvocationOperation call, ReceiveContext context)
        {
            if (context.Symbols.FindMember(call.TargetMethod) is { Operation: SocketOperation.Receive or SocketOperation.ReceiveFrom })
            {
                return true;
            }

            for (var type = call.TargetMethod.ContainingType; type is not null; type = type.BaseType)
            {
                if (type is { Name: "Stream", ContainingNamespace.Name: "IO" })
                {
                    return call.TargetMethod.Name.StartsWith("Read", StringComparison.Ordinal);
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

        private static bool UsesMore(IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments, IArgumentOperation bufferArgument, ISymbol buffer, IOperation? requested, int guaranteed)
        {
            if (method is null || method.Name is "Clear" or "Fill" or "Resize" or "Return")
            {
                return false;
            }

            var type = method.ContainingType;
            if (arguments.Length == 1 && ((IsEncoding(type) && method.Name is "GetString" or "GetChars" or "GetCharCount")
                || type is { Name: "MemoryStream", ContainingNamespace.Name: "IO" } || (type is { Name: "BitConverter" } && method.Name == "ToString")))
            {
                return Exceeds(requested is null ? null : EndOfStreamTest.Constant(requested), guaranteed); // the whole buffer
            }

            if (type is { Name: "BitConverter" } && Width(method.Name) is { } width)
            {
                return arguments.Length == 2 && EndOfStreamTest.Constant(arguments[1].Value) is { } start
                    ? start + width > guaranteed
                    : Exceeds(null, guaranteed);
            }

            if (type is { Name: "BinaryPrimitives" } && Width(method.Name) is { } read)
            {
                return read > guaranteed;
            }

            foreach (var argument in arguments)
            {
                if (argument != bufferArgument && argument.ArgumentKind == ArgumentKind.Explicit && IsRequestedSize(Strip(argument.Value), buffer, requested))
                {
                    return Exceeds(requested is null ? null : EndOfStreamTest.Constant(requested), guaranteed);
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="bytes"/> (null: a size not known, at least 2) is more than was guaranteed.</summary>
        private static bool Exceeds(long? bytes, int guaranteed) => bytes is { } known ? known > guaranteed : guaranteed <= 1;

        /// <summary>How many bytes a BitConverter.To… or BinaryPrimitives.Read… member reads, from its name.</summary>
        private static int? Width(string name)
        {
            if (name.EndsWith("Boolean", StringComparison.Ordinal))
            {
                return 1;
            }

            if (name.IndexOf("Int128", StringComparison.Ordinal) >= 0)
            {
                return 16;
            }

            if (name.IndexOf("Int16", StringComparison.Ordinal) >= 0 || name.IndexOf("Half", StringComparison.Ordinal) >= 0 || name.EndsWith("Char", StringComparison.Ordinal))
            {
                return 2;
            }

            if (name.IndexOf("Int32", StringComparison.Ordinal) >= 0 || name.IndexOf("Single", StringComparison.Ordinal) >= 0)
            {
                return 4;
            }

            return name.IndexOf("Int64", StringComparison.Ordinal) >= 0 || name.IndexOf("Double", StringComparison.Ordinal) >= 0 ? 8 : null;
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

        private static bool IsPast(IArrayElementReferenceOperation element, int guaranteed) =>
            element.Indices.Length == 1 && EndOfStreamTest.Constant(element.Indices[0]) is { } index && index >= guaranteed;

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
