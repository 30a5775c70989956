using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK202: a socket made or accepted here is closed or handed off on every normal path, but an operation on it
    /// that can throw (Connect, Bind, Listen, Start, GetStream, …) runs before it is protected by using, try/finally
    /// or a catch that disposes it: when that operation throws, the socket leaks (see rules/SOCK202.md). Reported at
    /// the creation, with the throwing operation as additional location.
    /// </summary>
    internal static class SocketLeakedOnExceptionRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            foreach (var origin in result.Objects)
            {
                // Bail-outs: (1) not this body's to close; (2) already a normal-path leak (SOCK201/SOCK203 say more);
                // (3) no exception leaves the body with it owned; (4) no operation on it may throw unprotected.
                if (!LifetimeFindings.IsOwnedOrigin(origin)
                    || origin.Location is not { } location
                    || LifetimeFindings.Leak(result, origin) is not null
                    || LifetimeFindings.CallersReport(result, origin)
                    || !LifetimeFindings.LeaksAt(result.ExceptionalExit, origin.Id)
                    || KeptForGood(result, origin.Id)
                    || FirstUnprotectedStep(result, origin.Id, LifetimeFindings.VariableName(origin)) is not { } step)
                {
                    continue;
                }

                // An exception that leaves the program's entry point ends the process, and the process's descriptors with
                // it. So does one that leaves a thread or a thread-pool work item, or a body only they call, without a
                // catch. A body that runs once per process leaks at most once, until the process ends. (Asked last: the
                // answer reads the program's call sites.)
                if (result.ExceptionLeavingEndsProcess)
                {
                    return;
                }

                diagnostics.Add(Diagnostic.Create(
                    Descriptors.SocketLeakedOnException,
                    location,
                    new[] { (step.MemberName ?? step.Operation.Syntax).GetLocation() },
                    LifetimeFindings.DisplayName(origin),
                    step.MemberDisplay));
            }
        }

        /// <summary>
        /// A method that never lets go of the object on a normal path: it never reaches the normal exit (it serves
        /// forever: an accept loop with no way out but an exception), nothing closes it, and no exception that leaves
        /// finds it closed or handed off. Its life is the rest of the process by design, and a throw before the loop
        /// goes to the method's caller, which called it to serve for good: when that fails the program has lost its
        /// reason to run (a caller that catches and goes on would leak as much if the loop had started). The rule
        /// compares an exceptional path with normal ones that release, and there are none. Only a synchronous method:
        /// a lambda run by Task.Run or an async method puts the exception in a task nobody may observe (a Start button's
        /// fire-and-forget server) while the program goes on. A connection accepted in such a loop and closed in each
        /// iteration is released on a normal path: still reported.
        /// </summary>
        private static bool KeptForGood(SocketFlowResult result, int id)
        {
            if (result.Owner is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAsync: false })
            {
                return false;
            }

            foreach (var tracked in result.NormalExit.Objects)
            {
                if (tracked.Origin.Id == id)
                {
                    return false;
                }
            }

            foreach (var tracked in result.ExceptionalExit.Objects)
            {
                if (tracked.Origin.Id == id && (tracked.Value.Ownership & (Ownership.Escaped | Ownership.Transferred | Ownership.Disposed | Ownership.Held)) != 0)
                {
                    return false;
                }
            }

            foreach (var step in result.Steps)
            {
                if (step.SocketOperation is SocketOperation.Close or SocketOperation.Stop && step.Objects.Contains(id))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The first operation on the object, while it is owned, that can throw and is not handled around it (a try
        /// whose catch or finally is the author's own handling: the rule does not second-guess it, see
        /// <see cref="IsHandled"/>).
        /// </summary>
        private static ProtocolStep? FirstUnprotectedStep(SocketFlowResult result, int id, string? variable)
        {
            ProtocolStep? first = null;
            foreach (var step in result.Steps)
            {
                // Operations that fail only on a socket in the wrong state, not for reasons outside the program
                // (GetStream and new NetworkStream on a connected socket, options, shutdown): not what this rule is about.
                if ((step.SocketOperation == SocketOperation.None && !step.IsOwnerCall)
                    || step.SocketOperation is SocketOperation.Close or SocketOperation.GetStream or SocketOperation.WrapInStream
                        or SocketOperation.SetPreBindOption or SocketOperation.SetReuseAddress or SocketOperation.Stop
                        or SocketOperation.Shutdown or SocketOperation.ShutdownSend or SocketOperation.ShutdownReceive or SocketOperation.ShutdownBoth
                    || step.Before is not { } before
                    || !(step.Objects.Contains(id) ? (before.Ownership & Ownership.Owned) != 0 : IsWrapperStep(result, step, id))
                    || IsHandled(step.Operation.Syntax, variable)
                    || (first is not null && first.Operation.Syntax.SpanStart <= step.Operation.Syntax.SpanStart))
                {
                    continue;
                }

                first = step;
            }

            return first;
        }

        /// <summary>An operation on the stream or socket the object handed out (GetStream, Client): it fails with it.</summary>
        internal static bool IsWrapperStep(SocketFlowResult result, ProtocolStep step, int id)
        {
            foreach (var other in step.Objects)
            {
                if (result.Objects[other].WrappedBy == id)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A <c>using var</c> earlier in the block: the rest of the block is its try.</summary>
        private static bool HasUsingDeclarationBefore(BlockSyntax block, SyntaxNode node)
        {
            foreach (var statement in block.Statements)
            {
                if (statement.SpanStart >= node.SpanStart)
                {
                    return false;
                }

                if (statement is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the author handles an exception of the operation before it leaves the function: inside a using, or
        /// inside a try with a finally, with a catch that names the socket's variable (it may close it: trusted for
        /// every exception), or with a catch that does not end by rethrowing (the exception stops there; a path that
        /// goes on with the socket open is SOCK201's). A try whose every catch logs and rethrows without naming the
        /// socket (<c>catch (SocketException e) { Log(e); throw; }</c>) handles nothing for it: the next try out is asked.
        /// </summary>
        private static bool IsHandled(SyntaxNode node, string? variable)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case TryStatementSyntax attempt when attempt.Block.Span.Contains(node.Span):
                        if (variable is null || attempt.Finally is not null || attempt.Catches.Count == 0)
                        {
                            return true; // with no variable to look for, any try is the author's handling
                        }

                        foreach (var handler in attempt.Catches)
                        {
                            if (Names(handler, variable) || !Rethrows(handler.Block))
                            {
                                return true;
                            }
                        }

                        break;
                    case UsingStatementSyntax { Statement: { } body } when body.Span.Contains(node.Span):
                        return true;
                    case BlockSyntax block when HasUsingDeclarationBefore(block, node):
                        return true;
                    case MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool Names(CatchClauseSyntax handler, string variable)
        {
            foreach (var identifier in handler.DescendantNodes())
            {
                if (identifier is IdentifierNameSyntax name && name.Identifier.ValueText == variable)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The catch block ends with <c>throw;</c> or <c>throw e;</c>: the exception goes on.</summary>
        private static bool Rethrows(BlockSyntax block) =>
            block.Statements.Count > 0 && block.Statements[block.Statements.Count - 1] is ThrowStatementSyntax;

        /// <summary>Inside a try block, a using statement's body, or after a using declaration: exceptions are handled there.</summary>
        internal static bool IsInsideTry(SyntaxNode node) => IsHandled(node, variable: null);
    }
}
