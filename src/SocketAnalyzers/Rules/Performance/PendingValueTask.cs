using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// Waits that do not wait: <c>.Result</c> or <c>.GetAwaiter().GetResult()</c> (directly or after
    /// <c>ConfigureAwait</c>) on a ValueTask whose source is the socket's reusable event args
    /// (<see cref="ApiTraits.PendingValueTaskReturnsDefault"/>: <c>Socket.AcceptAsync(ct)</c>,
    /// <c>Socket.ReceiveAsync(Memory&lt;byte&gt;, …)</c>, <c>NetworkStream.ReadAsync(Memory&lt;byte&gt;, …)</c>, …).
    /// While the operation is pending they return a default result at once (null, 0) and leave the operation
    /// running; <c>AsTask()</c> first makes a real task, whose wait blocks.
    /// </summary>
    internal static class PendingValueTask
    {
        /// <summary>The message phrase of a wait that blocks.</summary>
        public const string Blocks = "blocks on the task of";

        /// <summary>The message phrase of a wait on a pending event-args ValueTask.</summary>
        public const string ReturnsDefault = "returns a default result (null or 0) at once instead of waiting for the pending ValueTask of";

        /// <summary>
        /// Whether a call returns an event-args ValueTask: a ValueTask-returning overload of a member with the trait
        /// (the Task-returning overloads of the same name wrap it in a real task).
        /// </summary>
        public static bool IsEventArgsValueTask(IMethodSymbol method, ITypeSymbol? receiverType, KnownSocketSymbols symbols)
        {
            if (!IsValueTask(method.ReturnType))
            {
                return false;
            }

            var member = symbols.TryGetApi(receiverType, out var api) ? ProtocolApiMap.Find(api, method.Name) : null;
            member ??= symbols.FindMember(method);
            return member is not null && member.Has(ApiTraits.PendingValueTaskReturnsDefault);
        }

        /// <summary>
        /// Whether the waited expression is the ValueTask itself (or its ConfigureAwait awaitable): no <c>AsTask()</c>
        /// in between, which would turn the wait into a real one.
        /// </summary>
        public static bool WaitsOnValueTask(ITypeSymbol? waited) =>
            IsValueTask(waited)
            || waited is INamedTypeSymbol { Name: "ConfiguredValueTaskAwaitable", ContainingNamespace: { Name: "CompilerServices", ContainingNamespace.Name: "Runtime" } };

        private static bool IsValueTask(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };
    }
}
