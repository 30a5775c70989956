using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether code reached on a 0-byte read can end a receive loop: an exit statement, a write to a variable a
    /// condition of the loop reads, or a call that may close, cancel or signal. A Send or Write is no exit: after a full
    /// close the second Send fails (D19), but after a half-close the peer still reads (H4) and every Send succeeds.
    /// </summary>
    internal static class LoopEffects
    {
        /// <summary>Whether anything in <paramref name="code"/> (lambdas and local functions aside) may end <paramref name="loop"/>.</summary>
        public static bool MayExit(IOperation code, ILoopOperation loop, HashSet<ISymbol> conditionSymbols, ReceiveContext context, CancellationToken cancellationToken)
        {
            foreach (var operation in HelperSummary.OwnOperations(code))
            {
                switch (operation)
                {
                    case IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak }:
                    case IThrowOperation:
                        return true;
                    case IBranchOperation branch:
                        // C# break and continue target the innermost loop or switch: another label is a nested construct's.
                        if (branch.BranchKind == BranchKind.GoTo || SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel))
                        {
                            return true;
                        }

                        break;
                    case IAssignmentOperation assignment when Writes(assignment.Target, conditionSymbols):
                    case IIncrementOrDecrementOperation step when Writes(step.Target, conditionSymbols):
                        return true;
                    case IInvocationOperation call when MaySignal(call, context, cancellationToken):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A call that may end a loop or tell a caller: one that closes, stops or cancels (the next receive throws, the
        /// token or the flag ends the loop), a delegate, or a method of the compilation that is not itself a receive
        /// helper (its effect is unknown).
        /// </summary>
        public static bool MaySignal(IInvocationOperation call, ReceiveContext context, CancellationToken cancellationToken) =>
            MaySignal(call, context, 0, ImmutableHashSet<IMethodSymbol>.Empty, cancellationToken, out _);

        /// <summary>
        /// <see cref="MaySignal(IInvocationOperation, ReceiveContext, CancellationToken)"/> asked from inside a helper's
        /// summary: the helper's depth and callers bound the question (helpers calling each other), and an answer cut
        /// short by them counts as "may signal" (silent).
        /// </summary>
        internal static bool MaySignal(IInvocationOperation call, ReceiveContext context, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            var method = call.TargetMethod;
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                return true;
            }

            if (Closes(method))
            {
                return true;
            }

            if (!context.Helpers.IsInCompilation(method))
            {
                return false;
            }

            var facts = context.Helpers.Get(method, depth, callers, cancellationToken, out truncated);
            return truncated || (!facts.ReturnsCount && !facts.SwallowsEndOfStream);
        }

        /// <summary>A call that closes, stops, cancels or signals by its name, wherever it is declared.</summary>
        public static bool Closes(IMethodSymbol method) => method.Name is "Close" or "Dispose" or "DisposeAsync" or "Shutdown" or "Disconnect"
            or "DisconnectAsync" or "Abort" or "Cancel" or "CancelAfter" or "CancelAsync" or "Stop" or "Exit" or "FailFast" or "Kill" or "SetResult"
            or "TrySetResult" or "SetException" or "TrySetException" or "SetCanceled" or "TrySetCanceled" or "Complete" or "TryComplete" or "Set";

        /// <summary>The symbols the loop's conditions read (its own, and those of each if in it): writing one may end the loop.</summary>
        public static HashSet<ISymbol> ConditionSymbols(ILoopOperation loop, IReadOnlyList<IOperation> scope)
        {
            var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            AddReferenced(symbols, loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            });
            foreach (var operation in scope)
            {
                if (operation is IConditionalOperation conditional)
                {
                    AddReferenced(symbols, conditional.Condition);
                }
            }

            return symbols;
        }

        private static void AddReferenced(HashSet<ISymbol> symbols, IOperation? condition)
        {
            if (condition is null)
            {
                return;
            }

            foreach (var part in condition.DescendantsAndSelf())
            {
                if (BlockingSocketCall.ReferencedSymbol(part) is { } symbol)
                {
                    symbols.Add(symbol);
                }
            }
        }

        private static bool Writes(IOperation target, HashSet<ISymbol> conditionSymbols) =>
            BlockingSocketCall.ReferencedSymbol(target) is { } symbol && conditionSymbols.Contains(symbol);
    }
}
