using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a private or readonly field only ever holds a reader (or stream) over a network stream: its initializer and
    /// every assignment in its type are <c>new StreamReader(client.GetStream())</c>, or a wrapper around a local that holds
    /// a network stream in that function. One answer per field and compilation (thread-safe; racing threads agree).
    /// </summary>
    internal sealed class NetworkReaderFieldCache
    {
        private readonly ConcurrentDictionary<IFieldSymbol, bool> answers = new(SymbolEqualityComparer.Default);

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

        private static bool Compute(IFieldSymbol field, ReceiveContext context) =>
            StoredFieldValues.All(field, context.Helpers.ModelOf, (model, value) =>
                model.GetOperation(value) is { } operation && model.GetEnclosingSymbol(value.SpanStart) is { } member
                && NetworkStreamWrappers.IsOverNetworkStream(operation, context.Functions.Get(AsyncCode.EnclosingFunction(operation, member, out _)), context.Symbols));
    }
}
