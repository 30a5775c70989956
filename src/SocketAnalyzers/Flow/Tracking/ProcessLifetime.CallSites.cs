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
        /// A method with no reference in a program that only its own body could name: a local function (only its
        /// enclosing body sees it), or a private static method without attributes (only its type sees it; the runtime
        /// calls none by convention, as it does a framework's instance messages or an attributed initializer). It never
        /// runs, so it runs at most once and no exception ever leaves it. The compiler reports such dead code (CS8321,
        /// IDE0051).
        /// </summary>
        private bool NeverCalledElsewhere(IMethodSymbol method, CancellationToken cancellationToken) =>
            method.MethodKind == MethodKind.LocalFunction
            || (this.IsProgram(cancellationToken)
                && (method.MethodKind == MethodKind.Ordinary && method.IsStatic && method.DeclaredAccessibility == Accessibility.Private
                    && method.GetAttributes().IsEmpty && !method.IsPartialDefinition && method.PartialImplementationPart is null && method.PartialDefinitionPart is null));
    }
}
