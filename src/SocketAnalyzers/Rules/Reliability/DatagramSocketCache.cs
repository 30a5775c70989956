using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a field or parameter of the compilation only ever holds a datagram socket: a field whose initializer and
    /// every assignment in its type are <c>new Socket(…, SocketType.Dgram, …)</c> or <c>udpClient.Client</c>; a parameter
    /// of a private method or local function never assigned in it, every call of which (in its type) passes such a
    /// socket. One answer per symbol and compilation (thread-safe; both racing threads compute the same answer).
    /// </summary>
    internal sealed class DatagramSocketCache
    {
        private readonly ReceiveHelperCache helpers;
        private readonly ConcurrentDictionary<ISymbol, bool> answers = new(SymbolEqualityComparer.Default);
        private readonly ReceiveContext context;

        public DatagramSocketCache(ReceiveHelperCache helpers, ReceiveContext context)
        {
            this.helpers = helpers;
            this.context = context;
        }

        /// <summary>Whether every call of the parameter's method passes a datagram socket for it (<paramref name="function"/>: the method's facts).</summary>
        public bool IsDatagram(IParameterSymbol parameter, FunctionFacts function, KnownSocketSymbols symbols)
        {
            parameter = parameter.OriginalDefinition;
            if (this.answers.TryGetValue(parameter, out var known))
            {
                return known;
            }

            var answer = this.Compute(parameter, function, symbols);
            this.answers.TryAdd(parameter, answer);
            return answer;
        }

        private bool Compute(IParameterSymbol parameter, FunctionFacts function, KnownSocketSymbols symbols) =>
            PassedArguments.All(parameter, function, this.context, (value, caller) => ReceiveCalls.IsKnownDatagram(value, caller, symbols, this));

        /// <summary>Whether the field only ever holds a datagram socket.</summary>
        public bool IsDatagram(IFieldSymbol field, KnownSocketSymbols symbols)
        {
            field = field.OriginalDefinition;
            if (this.answers.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = this.Compute(field, symbols);
            this.answers.TryAdd(field, answer);
            return answer;
        }

        private bool Compute(IFieldSymbol field, KnownSocketSymbols symbols) =>
            StoredFieldValues.All(field, this.helpers.ModelOf, (model, value) => model.GetOperation(value) is { } operation && ReceiveCalls.IsDatagramSocket(operation, symbols));
    }
}
