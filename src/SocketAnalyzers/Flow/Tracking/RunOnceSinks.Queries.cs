using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>What <see cref="HandlerOwnership"/> asks about a call site: last uses, and calls that run on a thread.</summary>
    internal sealed partial class RunOnceSinks
    {
        /// <summary>
        /// <paramref name="local"/> holds a socket its body owns (every write is an owned source) and
        /// <paramref name="call"/> is its last use: in the body that declares it (as <see cref="LocalUses.MovesAt"/>), or
        /// in a run-once function the local moved into.
        /// </summary>
        public static bool IsLastUseOfOwnedLocal(ILocalSymbol local, IOperation call, Func<IOperation?, bool> isOwned)
        {
            var function = EnclosingFunction(call, out var body);
            var declaredHere = function is null ? !(local.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                : SymbolEqualityComparer.Default.Equals(local.ContainingSymbol, FunctionSymbol(function));
            if (declaredHere)
            {
                var uses = LocalUses.Collect(function ?? body);
                return AllWritesOwned(uses, local, isOwned) && OnlyLentBefore(uses, local, call) && uses.MovesAt(local, null, call.Syntax);
            }

            // Declared by the body around the function: the function must be run once, take the local, and use it last here.
            if (function is null || EnclosingFunction(function, out var outer) is not null || local.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                return false;
            }

            var outerUses = LocalUses.Collect(outer);
            if (!AllWritesOwned(outerUses, local, isOwned) || !OnlyLentBefore(outerUses, local, call) || !MovesInto(Find(outer), FunctionSymbol(function), local))
            {
                return false;
            }

            foreach (var (use, _) in outerUses.UsesOf(local))
            {
                if (function.Syntax.Span.Contains(use.Syntax.Span) && use.Syntax.SpanStart >= call.Syntax.Span.End)
                {
                    return false;
                }
            }

            return !HasLoopBetween(call.Syntax, function.Syntax, stopAtTry: false);
        }

        /// <summary>The call runs in a function a thread or the thread pool runs, with no catch around it there.</summary>
        public static bool RunsOnThreadWithoutCatch(IOperation call)
        {
            if (EnclosingFunction(call, out _) is not { } function || EnclosingFunction(function, out var outer) is not null
                || HasLoopBetween(call.Syntax, function.Syntax, stopAtTry: true))
            {
                return false;
            }

            var symbol = FunctionSymbol(function);
            foreach (var list in Find(outer).byCall.Values)
            {
                foreach (var handOff in list)
                {
                    if (SymbolEqualityComparer.Default.Equals(handOff.Function, symbol))
                    {
                        return handOff.ExceptionEndsProcess;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A method group handed to a run-once call with a state argument (<c>QueueUserWorkItem(Handle, client)</c>,
        /// <c>new Thread(Handle).Start(client)</c>): the call, the state, and whether an exception ends the process.
        /// </summary>
        public static (IOperation Call, IOperation? State, bool EndsProcess)? StartedWithState(IDelegateCreationOperation creation)
        {
            var holder = creation.Parent is IConversionOperation conversion ? conversion.Parent : creation.Parent;
            switch (holder?.Parent)
            {
                case IInvocationOperation invocation when AsCandidate(invocation, invocation) is { } candidate && candidate.Item2 == creation.Target:
                    return (invocation, candidate.Item3, candidate.Item4);
                case IObjectCreationOperation thread when thread.Parent is IInvocationOperation { TargetMethod.Name: "Start" } start && start.Instance == thread
                    && AsCandidate(start, start) is { } started && started.Item2 == creation.Target:
                    return (start, started.Item3, started.Item4);
                default:
                    return null;
            }
        }

        private static bool MovesInto(RunOnceSinks sinks, IMethodSymbol function, ILocalSymbol local)
        {
            foreach (var list in sinks.byCall.Values)
            {
                foreach (var handOff in list)
                {
                    if (!SymbolEqualityComparer.Default.Equals(handOff.Function, function))
                    {
                        continue;
                    }

                    foreach (var captured in handOff.Captured)
                    {
                        if (SymbolEqualityComparer.Default.Equals(captured, local))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Before the hand-off the caller only used the socket (called its members, read its properties, compared it):
        /// it did not already give it to another owner (a collection, a wrapper, another method) nor close it.
        /// </summary>
        private static bool OnlyLentBefore(LocalUses uses, ILocalSymbol local, IOperation call)
        {
            foreach (var (use, _) in uses.UsesOf(local))
            {
                if (use is IVariableDeclaratorOperation || LocalUses.IsWrite(use) || call.Syntax.Span.Contains(use.Syntax.Span))
                {
                    continue;
                }

                var parent = use.Parent;
                var child = use;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    child = parent;
                    parent = parent.Parent;
                }

                var lent = parent switch
                {
                    IInvocationOperation invocation => invocation.Instance == child && invocation.TargetMethod.Name is not ("Close" or "Dispose" or "DisposeAsync" or "Stop"),
                    IMemberReferenceOperation member => member.Instance == child,
                    IBinaryOperation or IIsPatternOperation or IIsTypeOperation => true,
                    _ => false,
                };
                if (!lent)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AllWritesOwned(LocalUses uses, ILocalSymbol local, Func<IOperation?, bool> isOwned)
        {
            var owned = false;
            foreach (var (use, _) in uses.UsesOf(local))
            {
                if (use is IVariableDeclaratorOperation declarator)
                {
                    if (declarator.Initializer is { } initializer)
                    {
                        if (!isOwned(initializer.Value))
                        {
                            return false;
                        }

                        owned = true;
                    }
                }
                else if (LocalUses.IsWrite(use))
                {
                    if (use.Parent is not ISimpleAssignmentOperation assignment || !isOwned(assignment.Value))
                    {
                        return false;
                    }

                    owned = true;
                }
            }

            return owned;
        }

        /// <summary>The innermost lambda or local function around <paramref name="operation"/>, and the root of its tree.</summary>
        private static IOperation? EnclosingFunction(IOperation operation, out IOperation root)
        {
            IOperation? function = null;
            root = operation;
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (function is null && current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    function = current;
                }

                root = current;
            }

            return function;
        }

        private static IMethodSymbol FunctionSymbol(IOperation function) =>
            function is IAnonymousFunctionOperation lambda ? lambda.Symbol : ((ILocalFunctionOperation)function).Symbol;

        private static bool HasLoopBetween(SyntaxNode inner, SyntaxNode outer, bool stopAtTry)
        {
            for (var node = inner.Parent; node is not null && node != outer; node = node.Parent)
            {
                if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax
                    || (stopAtTry && node is TryStatementSyntax { Catches.Count: > 0 }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
