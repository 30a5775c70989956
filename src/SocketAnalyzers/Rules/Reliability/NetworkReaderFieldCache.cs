using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a field or parameter only ever holds a reader (or stream) over a network stream. A field: every value its
    /// type stores in it (initializer, assignments; nulls aside) is <c>new StreamReader(client.GetStream())</c> or a wrapper
    /// around a local or field that holds a network stream. Others may store other readers in a field that is not private:
    /// that changes nothing for the receive rules, since any reader's ReadLine returns null at its end, again and again.
    /// A parameter of a private method or local function: every call passes such a reader (<see cref="PassedArguments"/>).
    /// One answer per symbol and compilation (thread-safe; racing threads agree).
    /// </summary>
    internal sealed class NetworkReaderFieldCache
    {
        private readonly ConcurrentDictionary<ISymbol, bool> answers = new(SymbolEqualityComparer.Default);

        public bool IsNetworkReader(IFieldSymbol field, ReceiveContext context)
        {
            field = field.OriginalDefinition;
            if (this.answers.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = Compute(field, context);
            this.answers.TryAdd(field, answer);
            return answer;
        }

        /// <summary>Whether every call of the parameter's method passes a reader over a network stream (<paramref name="function"/>: the method's facts).</summary>
        public bool IsNetworkReader(IParameterSymbol parameter, FunctionFacts function, ReceiveContext context)
        {
            parameter = parameter.OriginalDefinition;
            if (this.answers.TryGetValue(parameter, out var known))
            {
                return known;
            }

            var answer = PassedArguments.All(parameter, function, context, (value, caller) => NetworkStreamWrappers.IsOverNetworkStream(value, caller, context.Symbols));
            this.answers.TryAdd(parameter, answer);
            return answer;
        }

        private static bool Compute(IFieldSymbol field, ReceiveContext context) =>
            StoredFieldValues.All(
                field,
                context.Helpers.ModelOf,
                (model, value) => model.GetOperation(value) is { } operation && model.GetEnclosingSymbol(value.SpanStart) is { } member
                    && NetworkStreamWrappers.IsOverNetworkStream(operation, context.Functions.Get(AsyncCode.EnclosingFunction(operation, member, out _)), context.Symbols),
                othersMayWrite: true);
    }
}
