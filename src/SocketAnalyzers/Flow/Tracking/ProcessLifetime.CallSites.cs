using System.Threading;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Whether the compilation holds every call of a method: a program, a function of a body, a member no other assembly sees, or one nothing can name.</summary>
    internal sealed partial class ProcessLifetime
    {
        /// <summary>
        /// Every call of the method is in this compilation: a program (no other assembly calls into it), a lambda or local
        /// function, or a member no other assembly can see (private or internal all the way up, and no
        /// <c>InternalsVisibleTo</c> that would show internal ones to a friend assembly).
        /// </summary>
        private bool AllCallSitesKnown(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.IsProgram(cancellationToken)
            || method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction
            || (!HandlerOwnership.IsVisibleOutside(method) && (!this.HasFriendAssemblies() || OnlyPrivate(method)));

        private static bool OnlyPrivate(ISymbol symbol)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility == Accessibility.Private)
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasFriendAssemblies()
        {
            if (this.hasFriends < 0)
            {
                var found = false;
                foreach (var attribute in this.compilation.Assembly.GetAttributes())
                {
                    found |= attribute.AttributeClass is { Name: "InternalsVisibleToAttribute" };
                }

                this.hasFriends = found ? 1 : 0;
            }

            return this.hasFriends == 1;
        }

        /// <summary>
        /// A local function with no reference: only its enclosing body can name it, so it never runs (the compiler warns,
        /// CS8321); it runs at most once and no exception ever leaves it. A private method with no reference is not
        /// taken for dead: frameworks call instance messages by name (Unity's <c>Start</c>), and a program's private
        /// static method nobody calls yet is how a snippet is tried out — the rules must still speak there.
        /// </summary>
        private static bool NeverCalledElsewhere(IMethodSymbol method) => method.MethodKind == MethodKind.LocalFunction;
    }
}
