using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK201, fields as owning slots: a write to a socket field of this object that replaces (or nulls) a socket the
    /// field still holds open, so that nothing can close that one any more (see rules/SOCK201.md, "Fields"). Two kinds
    /// of evidence that the old socket is open:
    /// <list type="bullet">
    /// <item>this body stored it there itself and no path closed or handed it off since (in the same run, or in the
    /// previous iteration of a loop);</item>
    /// <item>the body can run again — an event handler <c>(object, EventArgs)</c> — and nothing before
    /// the write closes, tests or hands off the field's entry value, while the type closes that field elsewhere (so it
    /// owns what the field holds).</item>
    /// </list>
    /// Reported at the write, naming the field.
    /// </summary>
    internal static class SocketFieldReplacedWhileOpenRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (result.FieldStores.IsEmpty)
            {
                return;
            }

            var reported = new HashSet<IOperation>();
            foreach (var id in result.RecreatedWhileHeld)
            {
                foreach (var store in result.FieldStores)
                {
                    if (store.Stored.Contains(id) && reported.Add(store.Assignment))
                    {
                        Report(store, "the next iteration replaces the socket it holds while that one is still open", diagnostics);
                    }
                }
            }

            foreach (var store in result.FieldStores)
            {
                if (reported.Contains(store.Assignment) || (store.Previous.HasNoObject && !store.PreviousIsEntryValue) || store.PreviousAliased
                    || !(StoresOwned(result, store) || IsNull(store)))
                {
                    continue;
                }

                var reason = HeldHereAndOpen(result, store)
                    ? (IsNull(store) ? "setting it to null drops the socket it holds while that one is still open" : "this write replaces the socket it holds while that one is still open")
                    : EntryValueDropped(result, store, cancellationToken);
                if (reason is not null && reported.Add(store.Assignment))
                {
                    Report(store, reason, diagnostics);
                }
            }
        }

        private static void Report(FieldStore store, string reason, List<Diagnostic> diagnostics) =>
            diagnostics.Add(Diagnostic.Create(Descriptors.SocketNotDisposed, store.Assignment.Syntax.GetLocation(), store.Member.Name, reason));

        private static bool IsNull(FieldStore store) => store.Stored.Equals(PointsTo.Null);

        /// <summary>The write stores a socket this body made, accepted or was handed by a summarised factory.</summary>
        private static bool StoresOwned(SocketFlowResult result, FieldStore store)
        {
            foreach (var id in store.Stored)
            {
                if (store.Previous.Contains(id))
                {
                    return false;
                }

                if (LifetimeFindings.IsOwnedOrigin(result.Objects[id]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every object the field may hold was made here and is held by the field alone, open, on every path.</summary>
        private static bool HeldHereAndOpen(SocketFlowResult result, FieldStore store)
        {
            foreach (var id in store.Previous)
            {
                if (!LifetimeFindings.IsOwnedOrigin(result.Objects[id]))
                {
                    return false;
                }
            }

            return store.PreviousOwnership == Ownership.Held && !store.Previous.MayBeUntracked;
        }

        /// <summary>
        /// The field's value at entry, never closed, tested to null or handed off in this body before the write, in a
        /// body that can run again, of a type that closes the field elsewhere; else null.
        /// </summary>
        private static string? EntryValueDropped(SocketFlowResult result, FieldStore store, CancellationToken cancellationToken)
        {
            if (result.Owner is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } method
                || method.ContainingType is not { } type
                || !EntryValueUntouched(result, store)
                || !(FieldClosingEvidence.ClosesMember(type, store.Member.Name, cancellationToken) || FieldKeptForGood.Holds(store.Member, cancellationToken))
                || RerunEvidence(method) is not { } rerun
                || !NothingBefore(result.Graph.OriginalOperation, store, type))
            {
                return null;
            }

            return IsNull(store)
                ? "setting it to null drops the socket it holds without closing it"
                : "'" + method.Name + "' " + rerun + " and this write replaces the socket the field holds without closing it";
        }

        /// <summary>The field still holds its entry value: never read (or only read into a test) and not closed.</summary>
        private static bool EntryValueUntouched(SocketFlowResult result, FieldStore store)
        {
            if (store.PreviousIsEntryValue)
            {
                return true;
            }

            foreach (var id in store.Previous)
            {
                if (result.Objects[id].Kind != SocketOriginKind.Member)
                {
                    return false;
                }
            }

            return store.PreviousOwnership == Ownership.Unknown && !store.Previous.MayBeUntracked;
        }

        /// <summary>Why the method may run while the field still holds the socket of its previous run, or null.</summary>
        private static string? RerunEvidence(IMethodSymbol method)
        {
            // A public Open or Start alone is no evidence: most are called once, and a second call is the caller's
            // misuse more often than the type's leak (measured as noise in IDisposableAnalyzers' IDISP003).
            return method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_Object && DerivesFromEventArgs(method.Parameters[1].Type)
                && !HandlesOnceOnlyEvent(method.Name)
                ? "handles an event that can fire again"
                : null;
        }

        /// <summary>
        /// A designer-named handler of an event that fires once per form or window (<c>Form1_Load</c>: "before a form is
        /// displayed for the first time"; <c>_Shown</c>, WPF's <c>Window_Loaded</c>, <c>App_Startup</c>): no evidence that
        /// it runs again.
        /// </summary>
        private static bool HandlesOnceOnlyEvent(string name) =>
            name.EndsWith("_Load", System.StringComparison.Ordinal) || name.EndsWith("_Loaded", System.StringComparison.Ordinal)
            || name.EndsWith("_Shown", System.StringComparison.Ordinal) || name.EndsWith("_Startup", System.StringComparison.Ordinal);

        private static bool DerivesFromEventArgs(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                // A UI framework the build cannot resolve (mid-edit, or a missing reference): its event args are named so.
                return type.Name.EndsWith("EventArgs", System.StringComparison.Ordinal);
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.Name == "EventArgs" && current.ContainingNamespace?.ToDisplayString() == "System")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Nothing before the write could have closed the old value or decided not to reach the write: no return or
        /// throw (a guard such as <c>if (running) return;</c>), no call of the type's own methods, no call handed this
        /// object or a delegate, and no close-like call on anything reached through the field.
        /// </summary>
        private static bool NothingBefore(IOperation body, FieldStore store, INamedTypeSymbol type)
        {
            var end = store.Assignment.Syntax.SpanStart;
            foreach (var operation in body.Descendants())
            {
                if (operation.Syntax.SpanStart >= end)
                {
                    continue;
                }

                switch (operation)
                {
                    case IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue }
                        when !InputValidation(operation, body, type):
                        return false;
                    case IInvocationOperation invocation:
                        if (FieldClosingEvidence.IsClosingName(invocation.TargetMethod.Name)
                            && invocation.Syntax.ToString().Contains(store.Member.Name))
                        {
                            return false;
                        }

                        if (invocation.Instance is null or IInstanceReferenceOperation && IsSameOrBase(invocation.TargetMethod.ContainingType, type))
                        {
                            return false;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (OwnershipFacts.Unwrap(argument.Value) is IDelegateCreationOperation or IAnonymousFunctionOperation or IInstanceReferenceOperation)
                            {
                                return false;
                            }
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary>
        /// A return or throw under an <c>if</c> whose condition reads no state of this object — no field or property of
        /// its own of type bool, number, enum, socket, thread, task or of the program's own types, and no call of its own
        /// methods: an input check (<c>if (txtHost.Text.Length == 0) { Show(…); return; }</c>), not a "still running"
        /// guard. Every run that passes it reaches the write.
        /// </summary>
        private static bool InputValidation(IOperation exit, IOperation body, INamedTypeSymbol type)
        {
            IOperation? condition = null;
            for (var current = exit.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is IConditionalOperation conditional)
                {
                    condition = conditional.Condition;
                    break;
                }

                if (current is ILoopOperation or ICatchClauseOperation or ITryOperation or ISwitchOperation)
                {
                    return false;
                }
            }

            if (condition is null)
            {
                return false;
            }

            foreach (var part in condition.DescendantsAndSelf())
            {
                switch (part)
                {
                    case IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member when IsSameOrBase(member.Member.ContainingType, type)
                        && MayHoldState(member.Type):
                    case IInvocationOperation { Instance: null or IInstanceReferenceOperation } call when IsSameOrBase(call.TargetMethod.ContainingType, type):
                        return false;
                }
            }

            return true;
        }

        private static bool MayHoldState(ITypeSymbol? type) =>
            type is null
            || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Object
            || type.TypeKind is TypeKind.Enum
            || !type.DeclaringSyntaxReferences.IsEmpty
            || type.ContainingNamespace?.ToDisplayString() is "System.Net.Sockets" or "System.Threading" or "System.Threading.Tasks" or "System.Net.Security" or "System.IO";

        private static bool IsSameOrBase(INamedTypeSymbol? candidate, INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate?.OriginalDefinition, current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
