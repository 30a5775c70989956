using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// Which members a type closes somewhere in its own code (<c>f.Close()</c>, <c>this.f?.Dispose()</c>,
    /// <c>f.Client.Close()</c>, <c>using (f)</c>, <c>f.Stop()</c>): the evidence that the type owns the socket in that
    /// field, so that dropping it elsewhere is a leak rather than a hand-back. Read from syntax once per type and cached
    /// per type symbol (a weak table: bounded by the compilation's lifetime, safe from concurrent blocks).
    /// </summary>
    internal static class FieldClosingEvidence
    {
        private static readonly ConditionalWeakTable<INamedTypeSymbol, Closes> Cache = new ConditionalWeakTable<INamedTypeSymbol, Closes>();

        public static bool ClosesMember(INamedTypeSymbol type, string name, CancellationToken cancellationToken) =>
            Cache.GetValue(type, t => Collect(t, cancellationToken)).Any.Contains(name);

        /// <summary>The type closes the member somewhere outside an <c>if (….Connected)</c> guard.</summary>
        public static bool ClosesMemberUnguarded(INamedTypeSymbol type, string name, CancellationToken cancellationToken) =>
            Cache.GetValue(type, t => Collect(t, cancellationToken)).Unguarded.Contains(name);

        /// <summary>
        /// The one boolean flag of the object that guards every close of the member, and the value the close needs
        /// (<c>if (active) socket.Close();</c>, <c>if (!running) return; … listener.Stop();</c>): null when some close
        /// has no such guard, when closes need different flags, or when the type never closes the member.
        /// </summary>
        public static FlagGuard? ClosedOnlyUnderFlag(INamedTypeSymbol type, string name, CancellationToken cancellationToken) =>
            Cache.GetValue(type, t => Collect(t, cancellationToken)).Flags.TryGetValue(name, out var guard) ? guard : null;

        /// <summary>
        /// Whether <paramref name="node"/> closes the member itself in any form this type's evidence counts
        /// (<c>f.Close()</c>, <c>this.f?.Dispose()</c>, <c>f.Client.Close()</c>, <c>using (f)</c>).
        /// </summary>
        public static bool ClosesIn(SyntaxNode node, string member)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                var closed = descendant switch
                {
                    InvocationExpressionSyntax invocation when ClosedReceiver(invocation.Expression) is { } receiver => Root(receiver),
                    UsingStatementSyntax { Expression: { } resource } => Root(resource),
                    _ => null,
                };
                if (closed == member)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A member name Close/Dispose/Stop (and their async forms) of a socket or of its wrapper.</summary>
        public static bool IsClosingName(string name) =>
            name is "Close" or "Dispose" or "DisposeAsync" or "CloseAsync" or "Stop";

        private static Closes Collect(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            var unguarded = new HashSet<string>(System.StringComparer.Ordinal);
            var streamOf = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var flags = new Dictionary<string, FlagGuard?>(System.StringComparer.Ordinal);
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax { Left: var left, Right: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream" } stream } }
                            when Root(left) is { } held && Root(stream.Expression) is { } client:
                            // `s = client.GetStream()`: closing s closes client (J7).
                            streamOf[held] = client;
                            break;
                        case InvocationExpressionSyntax invocation when ClosedReceiver(invocation.Expression) is { } receiver:
                            AddRoot(receiver, names);
                            AddFlag(Root(receiver), FlagGuard.Of(invocation), flags);
                            if (!IsUnderConnectedGuard(invocation))
                            {
                                AddRoot(receiver, unguarded);
                            }

                            break;
                        case UsingStatementSyntax { Expression: { } resource }:
                            AddRoot(resource, names);
                            AddFlag(Root(resource), null, flags);
                            AddRoot(resource, unguarded);
                            break;
                    }
                }
            }

            AddWrappers(names, streamOf);
            AddWrappers(unguarded, streamOf);
            foreach (var pair in streamOf)
            {
                // Closing the stream closes its client (J7): the client is closed under the stream's guards too.
                if (flags.TryGetValue(pair.Key, out var streamGuard))
                {
                    AddFlag(pair.Value, streamGuard, flags);
                }
            }

            return new Closes(names, unguarded, flags);
        }

        /// <summary>Every close of a member needs the same flag value; a close with no flag, or another flag, spoils it.</summary>
        private static void AddFlag(string? member, FlagGuard? guard, Dictionary<string, FlagGuard?> flags)
        {
            if (member is null)
            {
                return;
            }

            flags[member] = !flags.TryGetValue(member, out var known) ? guard
                : known is not null && guard is not null && known.Equals(guard) ? known
                : null;
        }

        private static void AddWrappers(HashSet<string> closed, Dictionary<string, string> streamOf)
        {
            foreach (var pair in streamOf)
            {
                if (closed.Contains(pair.Key))
                {
                    closed.Add(pair.Value);
                }
            }
        }

        private static string? Root(ExpressionSyntax expression)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            AddRoot(expression, names);
            return names.Count == 1 ? names.First() : null;
        }

        /// <summary>In the true branch of an <c>if</c> whose condition reads <c>Connected</c>.</summary>
        private static bool IsUnderConnectedGuard(SyntaxNode node)
        {
            for (var current = node; current.Parent is { } parent && parent is not MemberDeclarationSyntax; current = parent)
            {
                if (parent is IfStatementSyntax guard && guard.Statement == current
                    && guard.Condition.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText == "Connected"))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Closes
        {
            public Closes(HashSet<string> any, HashSet<string> unguarded, Dictionary<string, FlagGuard?> flags)
            {
                this.Any = any;
                this.Unguarded = unguarded;
                this.Flags = flags;
            }

            public Dictionary<string, FlagGuard?> Flags { get; }

            public HashSet<string> Any { get; }

            public HashSet<string> Unguarded { get; }
        }

        /// <summary>The receiver of <c>x.Close()</c> or <c>x?.Close()</c>.</summary>
        private static ExpressionSyntax? ClosedReceiver(ExpressionSyntax callee) => callee switch
        {
            MemberAccessExpressionSyntax access when IsClosingName(access.Name.Identifier.ValueText) => access.Expression,
            MemberBindingExpressionSyntax binding when IsClosingName(binding.Name.Identifier.ValueText)
                && binding.Parent?.Parent is ConditionalAccessExpressionSyntax conditional => conditional.Expression,
            _ => null,
        };

        /// <summary><c>f</c>, <c>this.f</c>, and the wrapper field of <c>f.Client</c>, <c>f.Server</c>, <c>f.GetStream()</c>.</summary>
        private static void AddRoot(ExpressionSyntax receiver, HashSet<string> names)
        {
            for (var current = receiver; ;)
            {
                switch (current)
                {
                    case IdentifierNameSyntax identifier:
                        names.Add(identifier.Identifier.ValueText);
                        return;
                    case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                        names.Add(access.Name.Identifier.ValueText);
                        return;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Client" or "Server" } inner:
                        current = inner.Expression;
                        continue;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetStream" } stream }:
                        current = stream.Expression;
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        current = parenthesized.Expression;
                        continue;
                    default:
                        return;
                }
            }
        }
    }
}
