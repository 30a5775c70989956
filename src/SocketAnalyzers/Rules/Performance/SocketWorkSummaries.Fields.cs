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
        private readonly ConcurrentDictionary<IFieldSymbol, (string? Work, bool BlocksSynchronously)> fieldWork = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> passesValueTask = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IFieldSymbol, bool> networkWrapperFields = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Whether a private or readonly field only ever holds a network stream or a reader, writer or stream made
        /// around one: every value its type stores in it (initializer, assignments, a constructor's parameter standing
        /// for what every creation passes; nulls aside) is such (<see cref="NetworkStreamWrappers.IsOverNetworkStream"/>).
        /// A field others may write could hold any stream: not vouched for. One walk of the field's type per field and
        /// compilation (cached).
        /// </summary>
        public bool HoldsNetworkStream(IFieldSymbol field, FunctionFactsCache functions, CancellationToken cancellationToken)
        {
            field = field.OriginalDefinition;
            if (this.networkWrapperFields.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = StoredFieldValues.All(
                field,
                tree => this.models.GetOrAdd(tree, this.CreateModel),
                (model, value) => model.GetOperation(value, cancellationToken) is { } operation
                    && model.GetEnclosingSymbol(value.SpanStart, cancellationToken) is { } member
                    && NetworkStreamWrappers.IsOverNetworkStream(operation, functions.Get(AsyncCode.EnclosingFunction(operation, member, out _)), this.symbols),
                cancellationToken: cancellationToken);
            this.networkWrapperFields[field] = answer;
            return answer;
        }

        /// <summary>
        /// Whether a synchronous method of the compilation returns a socket's event-args ValueTask as it is
        /// (<c>ValueTask&lt;int&gt; Read() =&gt; socket.ReceiveAsync(memory);</c>): every value it returns is one. A wait on
        /// its result then returns a default result while pending, like a wait on the socket's own. Cached per method.
        /// </summary>
        public bool PassesEventArgsValueTask(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (method.IsAsync || !this.IsSummarisable(method) || !PendingValueTask.WaitsOnValueTask(method.ReturnType))
            {
                return false;
            }

            if (this.passesValueTask.TryGetValue(method, out var known))
            {
                return known;
            }

            var returns = 0;
            var all = true;
            if (this.Body(method, cancellationToken) is { } body)
            {
                var walked = 0;
                foreach (var operation in body.Descendants())
                {
                    if (++walked > MaxOperations)
                    {
                        all = false;
                        break;
                    }

                    // Returns of the method itself, not of its lambdas or local functions.
                    if (operation is IReturnOperation { ReturnedValue: { } value } && AsyncCode.EnclosingFunction(operation, method, out _) == body)
                    {
                        returns++;
                        all &= Unwrap(value) is IInvocationOperation call && PendingValueTask.IsEventArgsValueTask(call.TargetMethod, call.Instance?.Type, this.symbols);
                    }
                }
            }

            var found = all && returns > 0;
            this.passesValueTask[method] = found;
            return found;
        }

        /// <summary>
        /// The socket work a private or readonly task field stands for: every value its type ever stores in it is a
        /// task of socket work (a receive loop started with Task.Run or StartNew, a socket member's task, a method of
        /// the compilation that awaits one); the first one's display, or null. One walk of the field's type per field
        /// and compilation (cached). <paramref name="blocksSynchronously"/> when some value is a worker that blocks
        /// (<see cref="StartedWork"/>).
        /// </summary>
        public string? FieldWork(IFieldSymbol field, CancellationToken cancellationToken, out bool blocksSynchronously)
        {
            field = field.OriginalDefinition;
            if (this.fieldWork.TryGetValue(field, out var known))
            {
                blocksSynchronously = known.BlocksSynchronously;
                return known.Work;
            }

            string? first = null;
            var blocks = false;
            var all = StoredFieldValues.All(
                field,
                tree => this.models.GetOrAdd(tree, this.CreateModel),
                (model, value) =>
                {
                    string? display = null;
                    if (model.GetOperation(value, cancellationToken) is { } operation && Unwrap(operation) is IInvocationOperation call)
                    {
                        display = StartedWork.Find(call, this, cancellationToken, out var worker);
                        blocks |= display is not null && worker;
                        display ??= this.TaskWork(call, cancellationToken);
                    }

                    first ??= display;
                    return display is not null;
                },
                cancellationToken: cancellationToken);
            var found = all ? first : null;
            blocksSynchronously = found is not null && blocks;
            this.fieldWork[field] = (found, blocksSynchronously);
            return found;
        }
    }
}
