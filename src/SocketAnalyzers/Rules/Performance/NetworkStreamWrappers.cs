using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// Readers, writers and streams wrapped around a network stream in the same function
    /// (<c>new StreamReader(client.GetStream())</c>, <c>new SslStream(stream)</c>, <c>Stream s = client.GetStream()</c>):
    /// their reads and writes block on the socket as much as NetworkStream's own.
    /// </summary>
    internal static class NetworkStreamWrappers
    {
        private const int MaxDepth = 4;

        /// <summary>Cheap test on the method alone: an instance I/O method of a reader, writer or stream type.</summary>
        /// <remarks>
        /// Writers and buffered streams collect writes in a buffer and touch the socket when they flush: only their
        /// Flush counts as blocking. Other streams' Flush reaches NetworkStream.Flush, which does nothing (it has no
        /// buffer): not blocking.
        /// </remarks>
        public static bool IsCandidate(IMethodSymbol method) =>
            !method.IsStatic
            && method.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" }
            && method.Name is not ("Dispose" or "Close" or "CopyTo")
            && method.ContainingType is { } type
            && IsFrameworkWrapper(type)
            && (IsBinaryType(type)
                ? method.Name.StartsWith("Read", System.StringComparison.Ordinal) || method.Name == "PeekChar" || method.Name == "Write"
                : (method.Name == "Flush") == (type.Name is "TextWriter" or "StreamWriter" or "BufferedStream"));

        /// <summary>
        /// The blocking I/O call on a wrapper of a network stream, with a task-based counterpart (or, for a
        /// <c>BinaryReader</c>/<c>BinaryWriter</c>, which have none, advice to use the stream's own), or null.
        /// </summary>
        public static BlockingCall? Find(IInvocationOperation invocation, FunctionFacts function, KnownSocketSymbols symbols, System.Func<IFieldSymbol, bool>? networkField = null)
        {
            var method = invocation.TargetMethod;
            if (!IsCandidate(method)
                || !(HoldsNetworkStream(invocation.Instance, function, symbols, 0)
                    || (networkField is not null && BlockingSocketCall.ReferencedSymbol(invocation.Instance) is IFieldSymbol field && networkField(field))))
            {
                return null;
            }

            var operation = method.Name.StartsWith("Read", System.StringComparison.Ordinal) || method.Name.StartsWith("Peek", System.StringComparison.Ordinal)
                ? SocketOperation.Receive
                : SocketOperation.Send;
            var counterpart = method.Name + "Async";
            foreach (var candidate in invocation.Instance!.Type?.GetMembers(counterpart) ?? default)
            {
                if (candidate is IMethodSymbol { ReturnType: INamedTypeSymbol { Name: "Task" or "ValueTask" } })
                {
                    return new BlockingCall(invocation.Instance.Type!.Name + "." + method.Name, counterpart, operation, isNameLookup: false);
                }
            }

            return IsBinaryType(method.ContainingType)
                ? new BlockingCall(method.ContainingType.Name + "." + method.Name, operation == SocketOperation.Receive ? "Stream.ReadExactlyAsync" : "Stream.WriteAsync", operation, isNameLookup: false, fixable: false)
                : null;
        }

        /// <summary>
        /// <c>reader.EndOfStream</c> on a StreamReader over a network stream: with its buffer empty it fills the buffer
        /// with a synchronous Read on the stream (.NET's StreamReader.EndOfStream calls ReadBuffer, which calls
        /// <c>Stream.Read</c>), so it waits for the peer like a Receive. Unlike <c>Peek</c>, which skips the read after
        /// a short one, nothing guards it. Its asynchronous form is a read that returns null (or 0) at the end.
        /// </summary>
        public static BlockingCall? FindEndOfStream(IPropertyReferenceOperation property, FunctionFacts function, KnownSocketSymbols symbols) =>
            IsEndOfStream(property.Property) && IsOverNetworkStream(property.Instance, function, symbols)
                ? new BlockingCall("StreamReader.EndOfStream", EndOfStreamAdvice, SocketOperation.Receive, isNameLookup: false)
                : null;

        /// <summary>Cheap test on the property alone.</summary>
        public static bool IsEndOfStream(IPropertySymbol property) =>
            property is { Name: "EndOfStream", IsStatic: false, ContainingType: { Name: "StreamReader", ContainingNamespace.Name: "IO" } };

        /// <summary>What to use instead of EndOfStream, for the message.</summary>
        public const string EndOfStreamAdvice = "ReadLineAsync() == null";

        /// <summary>
        /// Whether a value is a network stream or a reader, writer or stream made around one: inline
        /// (<c>new StreamReader(client.GetStream())</c>) or in a local every definition of which is such.
        /// </summary>
        public static bool IsOverNetworkStream(IOperation? value, FunctionFacts function, KnownSocketSymbols symbols) =>
            value is not null && (IsNetworkStreamOrWrapper(value, function, symbols, 0) || HoldsNetworkStream(value, function, symbols, 0));

        /// <summary>
        /// A reader, writer or stream type that reads or writes the stream it is made around, or a type of the program
        /// derived from one (<c>class PacketReader : BinaryReader</c>).
        /// </summary>
        private static bool IsWrapperType(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsFrameworkWrapper(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>BinaryReader</c> reads its stream on every Read… call that its buffer cannot serve (it buffers at most a
        /// value's width); <c>BinaryWriter</c> writes each value through to its stream (its Flush is the stream's).
        /// </summary>
        private static bool IsBinaryType(INamedTypeSymbol? type) =>
            type is { Name: "BinaryReader" or "BinaryWriter", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } };

        private static bool IsFrameworkWrapper(INamedTypeSymbol type) =>
            IsBinaryType(type)
            || (type.Name is "TextReader" or "StreamReader" or "TextWriter" or "StreamWriter" && type.ContainingNamespace?.Name == "IO")
            || (type.Name is "Stream" or "BufferedStream" && type.ContainingNamespace?.Name == "IO")
            || (type.Name is "SslStream" or "AuthenticatedStream" && type.ContainingNamespace?.Name == "Security");

        /// <summary>A local whose every definition in the function is a network stream or a wrapper constructed around one.</summary>
        private static bool HoldsNetworkStream(IOperation? instance, FunctionFacts function, KnownSocketSymbols symbols, int depth)
        {
            if (depth > MaxDepth || BlockingSocketCall.ReferencedSymbol(instance) is not ILocalSymbol local)
            {
                return false;
            }

            var definitions = function.Definitions(local);
            for (var i = 0; i < definitions.Count; i++)
            {
                var value = definitions[i];
                if (!IsNetworkStreamOrWrapper(value, function, symbols, depth))
                {
                    return false;
                }
            }

            return definitions.Count > 0;
        }

        internal static bool IsNetworkStreamOrWrapper(IOperation value, FunctionFacts function, KnownSocketSymbols symbols, int depth)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (symbols.TryGetApi(value.Type, out var api) && api == SocketApi.NetworkStream)
            {
                return true;
            }

            if (value is IObjectCreationOperation { Type: INamedTypeSymbol created } creation && IsWrapperType(created) && creation.Arguments.Length > 0)
            {
                var inner = creation.Arguments[0].Value;
                while (inner is IConversionOperation innerConversion)
                {
                    inner = innerConversion.Operand;
                }

                return (symbols.TryGetApi(inner.Type, out var innerApi) && innerApi == SocketApi.NetworkStream)
                    || HoldsNetworkStream(inner, function, symbols, depth + 1);
            }

            return false;
        }
    }
}
