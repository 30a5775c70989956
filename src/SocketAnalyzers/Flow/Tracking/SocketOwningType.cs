using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// A disposable type of the compilation that owns a socket (<see cref="SocketOwningTypes"/>): the socket-typed
    /// fields and auto-properties its <c>Dispose()</c> closes on every path.
    /// </summary>
    internal sealed class SocketOwningType
    {
        public SocketOwningType(INamedTypeSymbol type, IMethodSymbol dispose, ImmutableArray<ISymbol> members, SocketApi api)
        {
            this.Type = type;
            this.Dispose = dispose;
            this.Members = members;
            this.Api = api;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The implementation of <c>IDisposable.Dispose</c>.</summary>
        public IMethodSymbol Dispose { get; }

        /// <summary>The owning members: fields, or the auto-properties whose backing field it is.</summary>
        public ImmutableArray<ISymbol> Members { get; }

        /// <summary>The API of the first owning member: the kind of object the type is followed as.</summary>
        public SocketApi Api { get; }

        public bool IsOwningMember(ISymbol member)
        {
            var definition = member.OriginalDefinition;
            foreach (var owned in this.Members)
            {
                if (SymbolEqualityComparer.Default.Equals(owned, definition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
