using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK202, constructors: a socket the constructor made and stored in a field of the object under construction,
    /// then an operation that can fail for reasons outside the program (Bind, Listen, Connect, Start) runs before the constructor returns,
    /// outside any try. When it throws, no caller ever receives the object, so nobody can close the field: the socket
    /// leaks (see rules/SOCK202.md). Reported at the store, with the throwing operation as additional location.
    /// </summary>
    internal static class SocketFieldLeakedByConstructorRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            if (result.Owner is not IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } || result.FieldStores.IsEmpty)
            {
                return;
            }

            foreach (var store in result.FieldStores)
            {
                foreach (var id in store.Stored)
                {
                    // Bail-outs: (1) not made here; (2) the exceptional exit never sees it held by the field alone
                    // (closed, handed elsewhere, or stored again somewhere the analysis cannot follow).
                    var origin = result.Objects[id];
                    if (!LifetimeFindings.IsOwnedOrigin(origin) || !HeldAtExceptionalExit(result.ExceptionalExit, id)
                        || FirstThrowingStepAfter(result, id, store.Assignment.Syntax) is not { } step)
                    {
                        continue;
                    }

                    // The object is built only by the entry point or a thread, without a catch: the throw ends the process.
                    if (result.ExceptionLeavingEndsProcess)
                    {
                        return;
                    }

                    diagnostics.Add(Diagnostic.Create(
                        Descriptors.SocketLeakedOnException,
                        StoreTarget(store).GetLocation(),
                        new[] { (step.MemberName ?? step.Operation.Syntax).GetLocation() },
                        store.Member.Name,
                        step.MemberDisplay));
                    return;
                }
            }
        }

        /// <summary>The field's name in <c>this.f = …</c>: the place the object under construction takes the socket.</summary>
        private static SyntaxNode StoreTarget(FieldStore store) =>
            store.Assignment is Microsoft.CodeAnalysis.Operations.ISimpleAssignmentOperation assignment ? assignment.Target.Syntax : store.Assignment.Syntax;

        private static bool HeldAtExceptionalExit(FlowExit exit, int id)
        {
            if (!exit.IsReachable)
            {
                return false;
            }

            foreach (var tracked in exit.Objects)
            {
                if (tracked.Origin.Id == id)
                {
                    return (tracked.Value.Ownership & Ownership.Held) != 0;
                }
            }

            return false;
        }

        /// <summary>
        /// The first operation after the store, outside any try, on the held socket (or the stream or socket it handed
        /// out) while the field alone holds it.
        /// </summary>
        private static ProtocolStep? FirstThrowingStepAfter(SocketFlowResult result, int id, SyntaxNode store)
        {
            ProtocolStep? first = null;
            foreach (var step in result.Steps)
            {
                // As SOCK202: operations that fail only on a socket in the wrong state (options, streams, shutdown) are
                // not failures from outside the program; a fresh socket in a constructor is in a known state.
                if (step.SocketOperation is SocketOperation.Close or SocketOperation.None or SocketOperation.Stop or SocketOperation.GetStream or SocketOperation.WrapInStream
                        or SocketOperation.SetPreBindOption or SocketOperation.SetReuseAddress or SocketOperation.Shutdown or SocketOperation.ShutdownSend or SocketOperation.ShutdownReceive or SocketOperation.ShutdownBoth
                    // An asynchronous operation (ConnectAsync) reports its failure through the task it returns: no
                    // await can run in a constructor, so the constructor itself does not throw.
                    || step.Member is { } member && member.Has(ApiTraits.Async)
                    || step.Operation.Syntax.SpanStart < store.Span.End
                    || step.Before is not { } before
                    || !(step.Objects.Contains(id) ? before.Ownership == Ownership.Held : SocketLeakedOnExceptionRule.IsWrapperStep(result, step, id))
                    || SocketLeakedOnExceptionRule.IsInsideTry(step.Operation.Syntax)
                    || (first is not null && first.Operation.Syntax.SpanStart <= step.Operation.Syntax.SpanStart))
                {
                    continue;
                }

                first = step;
            }

            return first;
        }
    }
}
