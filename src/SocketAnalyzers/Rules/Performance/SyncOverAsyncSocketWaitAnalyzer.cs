using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// SOCK302: <c>.Result</c>, <c>.Wait()</c> or <c>.GetAwaiter().GetResult()</c> on a task that stands for socket
    /// work (see rules/SOCK302.md): of a socket, network stream or TLS stream async member, of a method of the
    /// compilation that awaits one (<see cref="SocketWorkSummaries"/>), or of Task.Run over such work; directly or
    /// through a local that holds it.
    /// </summary>
    /// <remarks>
    /// Deliberately silent: a task local that is awaited, passed on (Task.WhenAll, …) or checked with IsCompleted*
    /// anywhere in the function (it may be complete when read); tasks of other APIs (Dns, files: not socket work);
    /// methods that only start socket work, or block and return a completed task.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SyncOverAsyncSocketWaitAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.SyncOverAsyncSocketWait);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    var functions = new FunctionFactsCache(symbols);
                    var work = new SocketWorkSummaries(start.Compilation, symbols);
                    start.RegisterOperationAction(c => AnalyzeWait(c, symbols, functions, work), OperationKind.PropertyReference, OperationKind.Invocation);
                    start.RegisterOperationAction(c => AnalyzeUnboundWait(c, symbols, work), OperationKind.Invalid);
                }
            });
        }

        /// <summary>The task expression a wait blocks on and how it waits, or null when the operation is no wait.</summary>
        internal static IOperation? WaitedTask(IOperation operation, out string how)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when SocketWorkSummaries.IsTaskType(task.Type):
                    how = ".Result";
                    return ConditionalReceiver(operation, task);
                case IInvocationOperation { TargetMethod.Name: "Wait", Instance: { } task } wait when SocketWorkSummaries.IsTaskType(task.Type) && !ProbesOnly(wait):
                    // A timed wait holds the thread as long as the timeout, or until the socket work ends.
                    how = wait.Arguments.Length == 0 || wait.Syntax is not InvocationExpressionSyntax syntax ? ".Wait()" : ".Wait(" + syntax.ArgumentList.Arguments.ToString() + ")";
                    return ConditionalReceiver(operation, task);
                case IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } task } }:
                    how = ".GetAwaiter().GetResult()";
                    return task;
                default:
                    how = string.Empty;
                    return null;
            }
        }

        /// <summary><c>task.Wait(0)</c> and <c>task.Wait(TimeSpan.Zero)</c> only check whether the task is done.</summary>
        private static bool ProbesOnly(IInvocationOperation wait) =>
            wait.Arguments.Length > 0
            && wait.Arguments[0].Value switch
            {
                { ConstantValue: { HasValue: true, Value: 0 } } => true,
                IFieldReferenceOperation { Field: { Name: "Zero", ContainingType.Name: "TimeSpan" } } => true,
                _ => false,
            };

        /// <summary>The task of <c>task?.Wait(…)</c>: the conditional access's receiver.</summary>
        private static IOperation ConditionalReceiver(IOperation wait, IOperation task)
        {
            if (task is IConditionalAccessInstanceOperation)
            {
                for (var parent = wait.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return access.Operation;
                    }
                }
            }

            return task;
        }

        /// <summary>
        /// A wait written on a call that does not bind because an argument's type is missing
        /// (<c>listener.AcceptTcpClientAsync(token).Result</c> with <c>token</c> of a missing type): the wait does not
        /// bind either when the candidates return different task types, but every candidate returns a task, so the
        /// wait is a task's. Reported when every candidate stands for the same socket work.
        /// </summary>
        private static void AnalyzeUnboundWait(OperationAnalysisContext context, KnownSocketSymbols symbols, SocketWorkSummaries work)
        {
            if (UnboundWaitedTask(context.Operation.Syntax, out var how) is not { } taskSyntax
                || TaskOperation(context.Operation, taskSyntax) is not { } task
                || UnboundInvocation.Find(task, context.Compilation, context.CancellationToken) is not { } call)
            {
                return;
            }

            work.OfferModel(context.Operation.SemanticModel);
            if (work.TaskWork(call, context.CancellationToken) is { } display
                && UnboundPhrase(call, symbols) is { } phrase)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SyncOverAsyncSocketWait, WaitLocation(context.Operation), how, display, phrase));
            }
        }

        /// <summary>
        /// What a wait on a call that does not bind does: every candidate an event-args ValueTask, or none; null when
        /// the candidates differ (whether the wait blocks depends on the overload).
        /// </summary>
        private static string? UnboundPhrase(UnboundInvocation call, KnownSocketSymbols symbols)
        {
            var eventArgs = 0;
            foreach (var candidate in call.Candidates)
            {
                if (PendingValueTask.IsEventArgsValueTask(candidate, call.Receiver.Type, symbols))
                {
                    eventArgs++;
                }
            }

            return eventArgs == 0 ? PendingValueTask.Blocks : eventArgs == call.Candidates.Length ? PendingValueTask.ReturnsDefault : null;
        }

        /// <summary>The task of a wait by its syntax alone: <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c>.</summary>
        private static ExpressionSyntax? UnboundWaitedTask(SyntaxNode wait, out string how)
        {
            switch (wait)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } access:
                    how = ".Result";
                    return access.Expression;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } access, ArgumentList.Arguments.Count: 0 }:
                    how = ".Wait()";
                    return access.Expression;
                case InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } awaiter, ArgumentList.Arguments.Count: 0 } },
                    ArgumentList.Arguments.Count: 0,
                }:
                    how = ".GetAwaiter().GetResult()";
                    return awaiter.Expression;
                default:
                    how = string.Empty;
                    return null;
            }
        }

        /// <summary>The operation of the task expression inside an invalid wait (the wait's subtree: a few operations).</summary>
        private static IOperation? TaskOperation(IOperation wait, ExpressionSyntax task)
        {
            foreach (var operation in wait.Descendants())
            {
                if (operation.Syntax == task)
                {
                    return operation;
                }
            }

            return null;
        }

        private static void AnalyzeWait(OperationAnalysisContext context, KnownSocketSymbols symbols, FunctionFactsCache functions, SocketWorkSummaries work)
        {
            if (WaitedTask(context.Operation, out var how) is not { } task)
            {
                return;
            }

            var enclosing = AsyncCode.EnclosingFunction(context.Operation, context.ContainingSymbol, out var method);

            // A timed wait in synchronous code is the usual way to bound a connect or a shutdown there (the blocking
            // calls have no timeout); in async code `await task.WaitAsync(timeout)` does it without holding the thread.
            if (how.StartsWith(".Wait(", System.StringComparison.Ordinal) && how != ".Wait()" && method is not { IsAsync: true })
            {
                return;
            }

            var function = functions.Get(enclosing);
            work.OfferModel(context.Operation.SemanticModel);
            if (SocketTaskOrigin(task, function, work, symbols, context, out var phrase, out var joinsWorker) is not { } display
                || phrase is null
                || (joinsWorker && method is not { IsAsync: true })
                || (phrase == PendingValueTask.Blocks && AsyncCode.IsSynchronousConsoleEntryPoint(enclosing, context.ContainingSymbol)))
            {
                // In synchronous code, waiting for a worker that blocks on a socket (Task.Run(() => s.Receive(b))) is
                // the thread-join idiom (close the socket, then wait for the loop to end), not sync-over-async. A
                // console Main that waits for its server has no context to deadlock and nothing else to do.
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SyncOverAsyncSocketWait,
                WaitLocation(context.Operation),
                how,
                display,
                phrase));
        }

        /// <summary>
        /// The socket work a task stands for, through AsTask/ConfigureAwait and a single-assignment local: a socket,
        /// network stream or TLS stream member, a method of the compilation that awaits one, or <c>Task.Run</c> of a
        /// function that awaits one.
        /// </summary>
        /// <remarks>
        /// <paramref name="phrase"/> says what the wait does: a pending event-args ValueTask waited on as it is (no
        /// AsTask) gives a default result instead of blocking (<see cref="PendingValueTask"/>).
        /// </remarks>
        private static string? SocketTaskOrigin(IOperation task, FunctionFacts function, SocketWorkSummaries work, KnownSocketSymbols symbols, OperationAnalysisContext context, out string? phrase, out bool joinsWorker)
        {
            phrase = PendingValueTask.Blocks;
            joinsWorker = false;
            var onValueTask = PendingValueTask.WaitsOnValueTask(task.Type);
            var cancellationToken = context.CancellationToken;
            var value = SocketWorkSummaries.Unwrap(task);
            if (value is ILocalReferenceOperation reference)
            {
                if (LocalTaskOrigin(reference.Local, function) is not { } initializer)
                {
                    return null;
                }

                value = SocketWorkSummaries.Unwrap(initializer);
            }

            if (value is IInvalidOperation && UnboundInvocation.Find(value, context.Compilation, cancellationToken) is { } unbound)
            {
                phrase = onValueTask ? UnboundPhrase(unbound, symbols) : PendingValueTask.Blocks;
                return work.TaskWork(unbound, cancellationToken);
            }

            if (value is IFieldReferenceOperation { Field: var field } && SocketWorkSummaries.IsTaskType(field.Type))
            {
                return work.FieldWork(field, cancellationToken, out joinsWorker);
            }

            if (value is not IInvocationOperation call)
            {
                return null;
            }

            if (onValueTask && (PendingValueTask.IsEventArgsValueTask(call.TargetMethod, call.Instance?.Type, symbols) || work.PassesEventArgsValueTask(call.TargetMethod, cancellationToken)))
            {
                phrase = PendingValueTask.ReturnsDefault;
            }

            return StartedWork.Find(call, work, cancellationToken, out joinsWorker) ?? work.TaskWork(call, cancellationToken);
        }

        /// <summary>The only value ever stored in a task local, when the function does nothing with it but wait.</summary>
        private static IOperation? LocalTaskOrigin(ILocalSymbol local, FunctionFacts function)
        {
            if (!function.TryGetDeclaredValue(local, out var origin) || function.IsAssigned(local))
            {
                return null;
            }

            var references = function.References(local);
            for (var i = 0; i < references.Count; i++)
            {
                // Only waits on it: anything else (await, Task.WaitAll(t), IsCompleted, …) may complete it first.
                var reference = references[i];
                var isWait = reference.Parent switch
                {
                    IPropertyReferenceOperation { Property.Name: "Result" } => true,
                    IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" or "ConfigureAwait" or "AsTask" } call => call.Instance == reference,
                    _ => false,
                };
                if (!isWait)
                {
                    return null;
                }
            }

            return origin;
        }

        private static Location WaitLocation(IOperation wait) => wait.Syntax switch
        {
            MemberAccessExpressionSyntax access => access.Name.GetLocation(),
            MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.GetLocation(),
            InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.GetLocation(),
            _ => wait.Syntax.GetLocation(),
        };
    }
}
