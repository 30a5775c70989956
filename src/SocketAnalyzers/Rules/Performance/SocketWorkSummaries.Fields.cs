using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Reliability;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>Task fields: "every task this field is ever given stands for socket work".</summary>
    internal sealed partial class SocketWorkSummaries
    {
        private readonly ConcurrentDictionary<IFieldSymbol, string?> fieldWork = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The socket work a private or readonly task field stands for: every value its type ever stores in it is a
        /// task of socket work (a receive loop started with Task.Run or StartNew, a socket member's task, a method of
        /// the compilation that awaits one); the first one's display, or null. One walk of the field's type per field
        /// and compilation (cached).
        /// </summary>
        public string? FieldWork(IFieldSymbol field, CancellationToken cancellationToken)
        {
            field = field.OriginalDefinition;
            if (this.fieldWork.TryGetValue(field, out var known))
            {
                return known;
            }

            string? first = null;
            var all = StoredFieldValues.All(
                field,
                tree => this.models.GetOrAdd(tree, this.CreateModel),
                (model, value) =>
                {
                    var display = model.GetOperation(value, cancellationToken) is { } operation && Unwrap(operation) is IInvocationOperation call
                        ? StartedWork.Find(call, this, cancellationToken) ?? this.TaskWork(call, cancellationToken)
                        : null;
                    first ??= display;
                    return display is not null;
                });
            var found = all ? first : null;
            this.fieldWork[field] = found;
            return found;
        }
    }
}
