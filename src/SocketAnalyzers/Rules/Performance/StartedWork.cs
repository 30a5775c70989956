using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// The socket work the task of <c>Task.Run</c> or <c>Task.Factory.StartNew</c> stands for: what runs before the
    /// task completes. <c>Task.Run</c> of a task-returning function unwraps it: its task completes when the function's
    /// task does (everything it awaits, every blocking call it makes). Otherwise the task completes when the delegate
    /// returns: a synchronous delegate's blocking calls count, and an async one (an <c>async void</c> method, or
    /// <c>StartNew</c> of an async lambda) returns at its first await, so only blocking calls before any await count.
    /// </summary>
    internal static class StartedWork
    {
        /// <summary>
        /// The display of the work (<c>Task.Run(Socket.Receive)</c>), or null when the call starts no socket work;
        /// <paramref name="blocksSynchronously"/> when the task stands for a blocking call the delegate makes (a worker
        /// that a wait joins) rather than socket work it awaits.
        /// </summary>
        public static string? Find(IInvocationOperation start, SocketWorkSummaries work, CancellationToken cancellationToken, out bool blocksSynchronously)
        {
            blocksSynchronously = false;
            var run = IsTaskRun(start);
            if (!run && !IsStartNew(start))
            {
                return null;
            }

            foreach (var argument in start.Arguments)
            {
                if (SocketWorkSummaries.Unwrap(argument.Value) is not IDelegateCreationOperation { Type: INamedTypeSymbol delegateType } creation)
                {
                    continue;
                }

                var unwrapped = run && SocketWorkSummaries.IsTaskType(delegateType.DelegateInvokeMethod?.ReturnType);
                var inner = creation.Target switch
                {
                    IAnonymousFunctionOperation lambda => InFunction(lambda.Body, lambda.Symbol, unwrapped, work, cancellationToken, out blocksSynchronously),
                    IMethodReferenceOperation method => InMethod(method.Method, unwrapped, work, cancellationToken, out blocksSynchronously),
                    _ => null,
                };
                return inner is null ? null : (run ? "Task.Run(" : "Task.Factory.StartNew(") + inner + ")";
            }

            return null;
        }

        private static string? InFunction(IOperation body, IMethodSymbol function, bool unwrapped, SocketWorkSummaries work, CancellationToken cancellationToken, out bool blocksSynchronously)
        {
            var awaited = unwrapped ? work.WorkIn(body, cancellationToken) : null;
            blocksSynchronously = awaited is null;
            return awaited ?? work.BlockingIn(body, function, untilFirstAwait: !unwrapped && function.IsAsync, cancellationToken);
        }

        private static string? InMethod(IMethodSymbol method, bool unwrapped, SocketWorkSummaries work, CancellationToken cancellationToken, out bool blocksSynchronously)
        {
            var awaited = unwrapped ? work.MethodWork(method, cancellationToken) : null;
            blocksSynchronously = awaited is null;
            var found = awaited ?? work.MethodBlockingWork(method, untilFirstAwait: !unwrapped && method.IsAsync, cancellationToken);
            return found is null ? null : method.ContainingType.Name + "." + method.Name;
        }

        public static bool IsTaskRun(IInvocationOperation call) =>
            call.TargetMethod is { Name: "Run", IsStatic: true, ContainingType: { Name: "Task", ContainingNamespace.Name: "Tasks" } } && call.Arguments.Length > 0;

        private static bool IsStartNew(IInvocationOperation call) =>
            call.TargetMethod is { Name: "StartNew", IsStatic: false, ContainingType: { Name: "TaskFactory", ContainingNamespace.Name: "Tasks" } } && call.Arguments.Length > 0;
    }
}
