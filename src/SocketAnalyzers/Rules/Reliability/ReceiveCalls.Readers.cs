using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    internal static partial class ReceiveCalls
    {
        /// <summary>
        /// A read of a text reader over a network stream (<see cref="NetworkStreamWrappers"/>, or a field every value of
        /// which is such a reader, or a parameter of a private method every call of which passes one): ReadLine returns null
        /// at the end of the stream, Read() returns -1, and Read(char[]…) returns a char count that is 0 there. A reader
        /// over a stream of unknown origin is not followed.
        /// </summary>
        private static ReceiveSite? FindReaderReceive(IInvocationOperation invocation, ReceiveContext context, FunctionFacts function)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || method.Name is not ("ReadLine" or "ReadLineAsync" or "Read" or "ReadAsync") || !IsTextReader(method.ContainingType))
            {
                return null;
            }

            var instance = invocation.Instance;
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            var overNetwork = instance switch
            {
                IFieldReferenceOperation { Field: var field } => context.NetworkReaders.IsNetworkReader(field, context),
                IParameterReferenceOperation { Parameter: var parameter } => context.NetworkReaders.IsNetworkReader(parameter, function, context),
                _ => NetworkStreamWrappers.IsOverNetworkStream(instance, function, context.Symbols),
            };
            if (!overNetwork)
            {
                return null;
            }

            var kind = method.Name.StartsWith("ReadLine", System.StringComparison.Ordinal) ? ReceiveSiteKind.Line
                : invocation.Arguments.Length == 0 ? ReceiveSiteKind.ReadByte
                : ReceiveSiteKind.Count;
            return ReceiveSite.Reader(invocation, kind);
        }

        private static bool IsTextReader(INamedTypeSymbol? type) =>
            type is { Name: "TextReader" or "StreamReader", ContainingNamespace: { Name: "IO", ContainingNamespace.Name: "System" } };
    }
}
