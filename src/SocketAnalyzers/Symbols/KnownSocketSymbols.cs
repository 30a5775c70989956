using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Symbols
{
    /// <summary>
    /// The socket types of one compilation, resolved once in the compilation-start action.
    /// <see cref="TryCreate"/> returns <see langword="null"/> when the compilation has no Socket type: then no
    /// socket rule registers anything.
    /// </summary>
    internal sealed class KnownSocketSymbols
    {
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

        public static KnownSocketSymbols? TryCreate(Compilation compilation) =>
            TypeLookup.Find(compilation, ProtocolApiMap.MetadataName(SocketApi.Socket)) is { } socket
                ? new KnownSocketSymbols(compilation, socket)
                : null;

        /// <summary>The socket API a type is, or derives from.</summary>
        public bool TryGetApi(ITypeSymbol? type, out SocketApi api)
        {
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                for (var i = 0; i < this.apiTypes.Length; i++)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, this.apiTypes[i]))
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
    }
}
