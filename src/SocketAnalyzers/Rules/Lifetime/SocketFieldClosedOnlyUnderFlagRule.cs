using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK201, a close path guarded by a flag that a failing start leaves unset: the type closes a socket field only
    /// while a boolean member says it is running (<c>if (!active) return; … socket.Close();</c>), and a method that
    /// stores a new socket there while that flag is unset sets it only after an operation that can fail from outside
    /// (Connect, Bind, Listen, Start) or after an early return. When the operation throws or the method returns, the
    /// socket stays in the field with the flag unset, so the close path skips it: it stays open until a collection
    /// finalizes it, and the next start replaces it (see rules/SOCK201.md). Reported at the store, naming the field.
    /// </summary>
    internal static class SocketFieldClosedOnlyUnderFlagRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (result.FieldStores.IsEmpty
                || result.Owner is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, ContainingType: { } type }
                || result.Graph.OriginalOperation.Syntax is not { } body
                || result.Graph.OriginalOperation.SemanticModel is not { } model)
            {
                return;
            }

            foreach (var store in result.FieldStores)
            {
                if (store.Assignment.Syntax is not AssignmentExpressionSyntax assignment
                    || !StoresOwned(result, store)
                    || FieldClosingEvidence.ClosedOnlyUnderFlag(type, store.Member.Name, cancellationToken) is not { } guard
                    || !IsMemberFlag(guard.Flag, type, model, assignment)
                    || FlagSetAfter(body, assignment, guard) is not { } set
                    || FieldClosingEvidence.ClosesIn(body, store.Member.Name)
                    || LeavesBefore(result, store, body, assignment, set, out var leaving) is not { } failure
                    || !(StoredWhileUnset(assignment, guard) || UnsetOnTheWayOut(leaving!, guard)))
                {
                    continue;
                }

                var reason = "the type closes it only while '" + guard.Flag + "' is " + Literal(guard.Value) + ", and " + failure
                    + " leaves '" + guard.Flag + "' " + Literal(!guard.Value) + ", so that path never closes it";
                diagnostics.Add(Diagnostic.Create(Descriptors.SocketNotDisposed, assignment.GetLocation(), store.Member.Name, reason));
            }
        }

        private static string Literal(bool value) => value ? "true" : "false";

        private static bool StoresOwned(SocketFlowResult result, FieldStore store)
        {
            foreach (var id in store.Stored)
            {
                if (LifetimeFindings.IsOwnedOrigin(result.Objects[id]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The flag is a field or property of the object (its own or inherited), or a name that does not bind in an
        /// instance method (a member of a base type the build cannot resolve); not a local or a parameter
        /// (<c>Dispose(bool disposing)</c>).
        /// </summary>
        private static bool IsMemberFlag(string flag, INamedTypeSymbol type, SemanticModel model, SyntaxNode position)
        {
            var found = model.LookupSymbols(position.SpanStart, name: flag);
            if (found.IsEmpty)
            {
                return true;
            }

            return found.Any(symbol => symbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } && IsOrDerivesFrom(type, symbol.ContainingType));
        }

        private static bool IsOrDerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol owner)
        {
            for (; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, owner.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The store runs while the flag is unset: inside <c>if (!active) { … }</c>, or after <c>if (active) return;</c>
        /// (evidence that the close path would skip whatever the flag does not yet cover; without it the flag may still
        /// be set from before, and the close path then runs).
        /// </summary>
        private static bool StoredWhileUnset(AssignmentExpressionSyntax assignment, FlagGuard guard) =>
            FlagGuard.Enclosing(assignment).Any(at => at.Flag == guard.Flag && at.Value != guard.Value);

        /// <summary>
        /// The failing path itself leaves the flag unset: a catch of the try around the failing operation, or the block
        /// of the return, assigns it the unset value (<c>catch { connected = false; return; }</c>).
        /// </summary>
        private static bool UnsetOnTheWayOut(SyntaxNode leaving, FlagGuard guard)
        {
            if (leaving is ReturnStatementSyntax { Parent: BlockSyntax block })
            {
                return block.Statements.TakeWhile(statement => statement != leaving).Any(statement => Unsets(statement, guard));
            }

            return leaving.Ancestors().OfType<TryStatementSyntax>().FirstOrDefault(t => t.Block.Span.Contains(leaving.Span)) is { } attempt
                && attempt.Catches.Any(clause => Unsets(clause.Block, guard));
        }

        private static bool Unsets(SyntaxNode node, FlagGuard guard) =>
            node.DescendantNodesAndSelf(n => !IsNestedFunction(n)).OfType<AssignmentExpressionSyntax>().Any(set => Assigns(set, guard.Flag, !guard.Value));

        /// <summary><c>flag = true</c> or <c>this.flag = false</c>: the flag given that literal value.</summary>
        private static bool Assigns(AssignmentExpressionSyntax set, string flag, bool value) =>
            set.IsKind(SyntaxKind.SimpleAssignmentExpression) && FlagGuard.Name(set.Left) == flag
            && set.Right.IsKind(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);

        /// <summary>The first <c>flag = value</c> after the store, in this body, outside catch and finally clauses.</summary>
        private static AssignmentExpressionSyntax? FlagSetAfter(SyntaxNode body, AssignmentExpressionSyntax store, FlagGuard guard)
        {
            foreach (var node in body.DescendantNodes(n => !IsNestedFunction(n)))
            {
                if (node is AssignmentExpressionSyntax set && set.SpanStart > store.Span.End && Assigns(set, guard.Flag, guard.Value))
                {
                    return set.Ancestors().Any(a => a is CatchClauseSyntax or FinallyClauseSyntax) ? null : set;
                }
            }

            return null;
        }

        /// <summary>
        /// How a path leaves between the store and the flag's assignment, or null: an operation on the stored socket that
        /// fails from outside (named), or a return statement of this body.
        /// </summary>
        private static string? LeavesBefore(SocketFlowResult result, FieldStore store, SyntaxNode body, SyntaxNode assignment, SyntaxNode set, out SyntaxNode? leaving)
        {
            foreach (var step in result.Steps)
            {
                var at = step.Operation.Syntax.SpanStart;
                if (at > assignment.Span.End && at < set.SpanStart && FailsFromOutside(step.SocketOperation) && Shares(store.Stored, step.Objects))
                {
                    leaving = step.Operation.Syntax;
                    return "a failing '" + step.MemberDisplay + "'";
                }
            }

            foreach (var node in body.DescendantNodes(n => !IsNestedFunction(n)))
            {
                if (node is ReturnStatementSyntax exit && exit.SpanStart > assignment.Span.End && exit.SpanStart < set.SpanStart)
                {
                    leaving = exit;
                    return "the return at line " + (exit.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            leaving = null;
            return null;
        }

        private static bool Shares(Flow.Lattice.PointsTo stored, Flow.Lattice.PointsTo objects)
        {
            foreach (var id in stored)
            {
                if (objects.Contains(id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Operations that fail for reasons outside the program (a port in use, a refused or unreachable peer).</summary>
        private static bool FailsFromOutside(SocketOperation operation) =>
            operation is SocketOperation.Connect or SocketOperation.Bind or SocketOperation.Listen or SocketOperation.Start;

        private static bool IsNestedFunction(SyntaxNode node) =>
            node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
    }
}
