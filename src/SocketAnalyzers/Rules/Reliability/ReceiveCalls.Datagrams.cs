using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>Which receivers are known to be datagram sockets: a 0-byte result is then an empty datagram (D18).</summary>
    internal static partial class ReceiveCalls
    {
        private const int SocketTypeDgram = 2;

        /// <summary>
        /// True when the receiver is a local every definition of which in this function is a datagram Socket
        /// (<c>new Socket(…, SocketType.Dgram, …)</c>) or <c>udpClient.Client</c>: a 0-byte result is then an empty
        /// datagram, not the end of a stream (D18).
        /// </summary>
        public static bool IsKnownDatagram(IOperation? instance, FunctionFacts function, KnownSocketSymbols symbols) =>
            IsKnownDatagram(instance, function, symbols, null);

        /// <summary>
        /// As above, and also a receiver that is itself <c>udpClient.Client</c>, a field of the compilation every
        /// value stored in which is a datagram socket, or a parameter of a private method every caller of which passes
        /// one (<paramref name="fields"/>): the socket's origin decides, not where it is kept (D18).
        /// </summary>
        public static bool IsKnownDatagram(IOperation? instance, FunctionFacts function, KnownSocketSymbols symbols, DatagramSocketCache? fields)
        {
            if (instance is not null && IsDatagramSocket(instance, symbols))
            {
                return true;
            }

            var symbol = BlockingSocketCall.ReferencedSymbol(instance);
            if (symbol is IFieldSymbol field && fields is not null)
            {
                return fields.IsDatagram(field, symbols);
            }

            if (symbol is IParameterSymbol parameter && fields is not null)
            {
                return fields.IsDatagram(parameter, function, symbols);
            }

            if (symbol is not ILocalSymbol local)
            {
                return false;
            }

            var definitions = function.Definitions(local);
            for (var i = 0; i < definitions.Count; i++)
            {
                var value = definitions[i];
                if (!IsDatagramSocket(value, symbols))
                {
                    return false;
                }
            }

            return definitions.Count > 0;
        }

        internal static bool IsDatagramSocket(IOperation value, KnownSocketSymbols symbols)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Socket):
                    var ordinal = creation.Arguments.Length == 3 ? 1 : 0;
                    return SocketArguments.TryGetConstant(creation, ordinal, symbols.SocketType, out var type) && type == SocketTypeDgram;
                case IPropertyReferenceOperation { Property.Name: "Client" } property:
                    return symbols.TryGetApi(property.Instance?.Type, out var api) && api == SocketApi.UdpClient;
                default:
                    return false;
            }
        }
    }
}
