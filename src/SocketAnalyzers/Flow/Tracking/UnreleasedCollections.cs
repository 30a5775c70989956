using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// A private collection field of sockets whose elements its type never lets go of: the type adds to it, removes from
    /// it, counts it and uses its sockets (<c>clients[i].GetStream()</c>, <c>foreach (var c in clients) c.Client.Send(…)</c>),
    /// but never closes an element, never hands an element or the collection itself to other code, and never exposes it.
    /// Adding a socket to such a collection is no hand-off: nothing will ever close it there (the chat server's
    /// <c>clients.Add(client)</c> whose disconnect path only does <c>clients.Remove(client)</c>), so the obligation
    /// stays with the code that added it. Read from the type's syntax once per field (cached, thread-safe); any use the
    /// reading does not know counts as a release.
    /// </summary>
    internal static class UnreleasedCollections
    {
        private static readonly ConditionalWeakTable<IFieldSymbol, StrongBox<bool>> Cache = new ConditionalWeakTable<IFieldSymbol, StrongBox<bool>>();

        /// <summary>Calls that only put into, take out of or measure a collection, without handing an element out.</summary>
        private static bool IsInertMember(string name) =>
            name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddLast" or "AddFirst" or "Remove" or "RemoveAt"
                or "Clear" or "Count" or "Contains" or "ContainsKey" or "IndexOf" or "Length" or "Capacity";

        /// <summary>Names that end a socket's life (or may): a use through one of them counts as a release.</summary>
        private static bool IsClosingName(string name) =>
            name is "Close" or "Dispose" or "DisposeAsync" or "CloseAsync" or "Shutdown" or "Stop" or "Disconnect" or "DisconnectAsync" or "Abort";

        public static bool NeverReleases(IFieldSymbol field, KnownSocketSymbols symbols, CancellationToken cancellationToken)
        {
            if (field.DeclaredAccessibility != Accessibility.Private || field.Type is not INamedTypeSymbol { IsGenericType: true } collection
                || !HoldsSockets(collection, symbols))
            {
                return false;
            }

            return Cache.GetValue(field.OriginalDefinition, f => new StrongBox<bool>(Compute(f, cancellationToken))).Value;
        }

        private static bool HoldsSockets(INamedTypeSymbol collection, KnownSocketSymbols symbols)
        {
            foreach (var argument in collection.TypeArguments)
            {
                if (symbols.TryGetApi(argument, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Compute(IFieldSymbol field, CancellationToken cancellationToken)
        {
            var adds = 0;
            foreach (var declaration in field.DeclaringSyntaxReferences)
            {
                if (declaration.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial } && !IsFresh(initial))
                {
                    return false; // starts as a collection others hold
                }
            }

            foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != field.Name
                        || (name.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == name && qualified.Expression is not ThisExpressionSyntax))
                    {
                        continue;
                    }

                    ExpressionSyntax use = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self ? self : name;
                    switch (Classify(use, field.Name))
                    {
                        case Use.Add:
                            adds++;
                            break;
                        case Use.Release:
                            return false;
                    }
                }
            }

            return adds > 0;
        }

        private enum Use
        {
            Inert,
            Add,
            Release,
        }

        private static bool IsFresh(ExpressionSyntax value) =>
            value is BaseObjectCreationExpressionSyntax or CollectionExpressionSyntax or ArrayCreationExpressionSyntax
            || value.IsKind(SyntaxKind.NullLiteralExpression) || value.IsKind(SyntaxKind.DefaultLiteralExpression);

        private static Use Classify(ExpressionSyntax use, string field)
        {
            switch (use.Parent)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" or "Values" or "AsEnumerable" } snapshot
                    when snapshot.Expression == use && SnapshotLoop(snapshot) is { } copied:
                    // `foreach (var c in clients.ToList())`: a copy of the elements, iterated.
                    return IterationVariableOnlyUsed(copied, field) ? Use.Inert : Use.Release;
                case MemberAccessExpressionSyntax member when member.Expression == use:
                    if (!IsInertMember(member.Name.Identifier.ValueText))
                    {
                        return Use.Release;
                    }

                    if (member.Parent is InvocationExpressionSyntax call)
                    {
                        foreach (var argument in call.ArgumentList.Arguments)
                        {
                            if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                            {
                                return Use.Release; // Remove(key, out var socket): an element comes out
                            }
                        }
                    }

                    return member.Name.Identifier.ValueText is "Remove" or "RemoveAt" or "Clear" or "Count" or "Contains" or "ContainsKey" or "IndexOf" or "Length" or "Capacity"
                        ? Use.Inert
                        : Use.Add;
                case ElementAccessExpressionSyntax element when element.Expression == use:
                    return element.Parent is AssignmentExpressionSyntax store && store.Left == element ? Use.Add
                        : OnlyUsedNotClosed(element, field, 0) ? Use.Inert : Use.Release;
                case ForEachStatementSyntax loop when loop.Expression == use:
                    return IterationVariableOnlyUsed(loop, field) ? Use.Inert : Use.Release;
                case AssignmentExpressionSyntax assignment when assignment.Left == use:
                    // A new collection of its own; one handed in is shared with code that may close its elements.
                    return IsFresh(assignment.Right) ? Use.Inert : Use.Release;
                case LockStatementSyntax:
                case BinaryExpressionSyntax:
                    return Use.Inert;
                default:
                    return Use.Release;
            }
        }

        /// <summary>The loop over <c>clients.ToList()</c> (or <c>.ToArray()</c>, <c>.Values</c>), or null.</summary>
        private static ForEachStatementSyntax? SnapshotLoop(MemberAccessExpressionSyntax snapshot)
        {
            ExpressionSyntax copy = snapshot.Parent is InvocationExpressionSyntax call && call.Expression == snapshot ? call : snapshot;
            return copy.Parent is ForEachStatementSyntax loop && loop.Expression == copy ? loop : null;
        }

        /// <summary>Every use of the loop variable is a member access that closes nothing (<c>c.GetStream().Write(…)</c>).</summary>
        private static bool IterationVariableOnlyUsed(ForEachStatementSyntax loop, string field) =>
            LocalOnlyUsed(loop.Identifier.ValueText, loop.Statement, field, 0);

        /// <summary>Every use of a local in <paramref name="scope"/> is one that closes nothing and hands nothing on.</summary>
        private static bool LocalOnlyUsed(string local, SyntaxNode scope, string field, int depth)
        {
            foreach (var node in scope.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax name && name.Identifier.ValueText == local
                    && !(name.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == name)
                    && !OnlyUsedNotClosed(name, field, depth))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The element is only the receiver of a chain of member accesses and calls (<c>x.Client.Send(…)</c>,
        /// <c>x?.GetStream()</c>) none of which closes, compared, or taken out of the collection again
        /// (<c>clients.Remove(x)</c>); a socket or stream taken from it into a local (<c>var s = x.GetStream();</c>) must
        /// itself be used so. Handing it anywhere else may release it.
        /// </summary>
        private static bool OnlyUsedNotClosed(ExpressionSyntax element, string field, int depth)
        {
            switch (element.Parent)
            {
                case BinaryExpressionSyntax comparison when comparison.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
                    return true; // `if (c == sender) continue;`
                case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Remove" or "Contains" or "IndexOf" } same } }
                    when NameOf(same.Expression) == field:
                    return true; // `clients.Remove(c)`: out of the collection, still not closed
            }

            var current = element;
            var accessed = false;
            while (true)
            {
                switch (current.Parent)
                {
                    case MemberAccessExpressionSyntax member when member.Expression == current:
                        if (IsClosingName(member.Name.Identifier.ValueText))
                        {
                            return false;
                        }

                        accessed = true;
                        current = member;
                        continue;
                    case ConditionalAccessExpressionSyntax conditional when conditional.Expression == current:
                        return !conditional.WhenNotNull.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => IsClosingName(n.Identifier.ValueText));
                    case InvocationExpressionSyntax call when call.Expression == current:
                        current = call;
                        continue;
                    default:
                        if (!accessed)
                        {
                            return false;
                        }

                        if (current.Parent is ExpressionStatementSyntax || !EndsInSocket(current))
                        {
                            return true;
                        }

                        // A socket or stream taken out of the element into a local: that local must be used the same way.
                        return depth == 0
                            && current.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                            && declarator.Parent?.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } declaration
                            && declaration.Parent is BlockSyntax block
                            && LocalOnlyUsed(declarator.Identifier.ValueText, block, field, depth + 1);
                }
            }
        }

        private static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText,
            _ => null,
        };

        private static bool EndsInSocket(ExpressionSyntax value) => value switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream" } } => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Client" or "Server" or "Socket" } => true,
            _ => false,
        };
    }
}
