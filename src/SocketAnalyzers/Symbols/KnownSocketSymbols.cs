using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Symbols
{
    /// <summary>
    /// The socket types of one compilation, resolved once per compilation for all analyzers.
    /// <see cref="TryCreate"/> returns <see langword="null"/> when the compilation has no Socket type: then no
    /// socket rule registers anything.
    /// </summary>
    /// <remarks>
    /// Immutable once built, so every analyzer of the compilation may share it on any thread. Each of the eight
    /// analyzers resolved the same ten types on its own: about 0.4 ms each per compilation, most of our time on a
    /// small project (docs/performance.md, "Small projects").
    /// </remarks>
    internal sealed class KnownSocketSymbols
    {
        /// <summary>
        /// One entry per live compilation, keyed weakly: an entry goes with its compilation (the table holds no strong
        /// reference to the key, and the value's symbols only reach the compilation that already keeps the key alive).
        /// Thread-safe; two threads asking first may both resolve, one result is kept.
        /// </summary>
        private static readonly ConditionalWeakTable<Compilation, Resolved> PerCompilation = new();
        private static readonly ConditionalWeakTable<Compilation, Resolved>.CreateValueCallback Resolve =
            compilation => new Resolved(TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.Socket)) is { } socket
                ? new KnownSocketSymbols(compilation, socket)
                : null);

        private readonly INamedTypeSymbol?[] apiTypes;

        private KnownSocketSymbols(Compilation compilation, INamedTypeSymbol socket)
        {
            this.Socket = socket;
            this.apiTypes = new INamedTypeSymbol?[]
            {
                socket,
                TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.TcpListener)),
                TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.TcpClient)),
                TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.UdpClient)),
                TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.NetworkStream)),
                TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.Dns)),
            };
            this.AddressFamily = TypeLookup.Find(compilation, "System.Net.Sockets.AddressFamily");
            this.SocketType = TypeLookup.Find(compilation, "System.Net.Sockets.SocketType");
            this.ProtocolType = TypeLookup.Find(compilation, "System.Net.Sockets.ProtocolType");
            this.SocketTaskExtensions = TypeLookup.Find(compilation, "System.Net.Sockets.SocketTaskExtensions");
        }

        public INamedTypeSymbol Socket { get; }

        public INamedTypeSymbol? AddressFamily { get; }

        public INamedTypeSymbol? SocketType { get; }

        public INamedTypeSymbol? ProtocolType { get; }

        /// <summary>The task-based Socket methods of netstandard2.0, which are extensions there.</summary>
        public INamedTypeSymbol? SocketTaskExtensions { get; }

        /// <summary>The socket symbols of the compilation, resolved by the first analyzer that asks and shared after.</summary>
        public static KnownSocketSymbols? TryCreate(Compilation compilation) =>
            PerCompilation.GetValue(compilation, Resolve).Symbols;

        /// <summary>The socket API a type is, or derives from.</summary>
        public bool TryGetApi(ITypeSymbol? type, out SocketApi api)
        {
            // Names first: almost every type asked about is no socket type, and a name differs more cheaply than a symbol.
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                var name = current.Name;
                for (var i = 0; i < this.apiTypes.Length; i++)
                {
                    if (this.apiTypes[i] is { } known && known.Name == name && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, known))
                    {
                        api = (SocketApi)i;
                        return true;
                    }
                }
            }

            api = default;
            return false;
        }

        /// <summary>The protocol member a method or property of a socket API type is, if the protocol knows it.</summary>
        public ProtocolMember? FindMember(ISymbol member) =>
            this.TryGetApi(member.ContainingType, out var api) ? ProtocolApiMap.Find(api, member.Name) : null;

        /// <summary>The table's value: a compilation without sockets is cached too, as "none".</summary>
        private sealed class Resolved
        {
            public Resolved(KnownSocketSymbols? symbols) => this.Symbols = symbols;

            public KnownSocketSymbols? Symbols { get; }
        }
    }
}
