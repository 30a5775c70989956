using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>What one type does with one socket-typed field (or auto-property backing field), gathered over all its code.</summary>
    internal sealed class SocketFieldFacts
    {
        public SocketFieldFacts(SocketApi api) => this.Api = api;

        public SocketApi Api { get; }

        /// <summary>Where the field is given a socket this type made or accepted (initializer or assignment).</summary>
        public List<Location> OwnedAssignments { get; } = new List<Location>();

        /// <summary>The field is also given a value from elsewhere (a parameter, an unknown call): ownership is unclear.</summary>
        public bool HasForeignValue { get; set; }

        /// <summary>
        /// Constructor parameters stored in the field (<c>this.f = p</c>), with where: the field is owned when every
        /// creation of the type hands that parameter a socket of its own (decided at compilation end).
        /// </summary>
        public List<(IParameterSymbol Parameter, Location Store)> ConstructorParameters { get; } = new List<(IParameterSymbol, Location)>();

        /// <summary>A foreign value other than a constructor parameter is stored too.</summary>
        public bool HasOtherForeignValue { get; set; }

        /// <summary>The TcpClient field this NetworkStream field was taken from (GetStream): disposing this one closes that one (J7).</summary>
        public IFieldSymbol? StreamOf { get; set; }

        /// <summary>The field's value leaves the type (returned, passed to a method that may take it, stored elsewhere).</summary>
        public bool Escapes { get; set; }
    }

    /// <summary>What one method of the type does: the fields it closes and the methods of the same type it calls.</summary>
    internal sealed class MethodFacts
    {
        public HashSet<IFieldSymbol> Disposed { get; } = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Fields passed as arguments: from a Dispose path, a helper that closes them gets the benefit of the doubt.</summary>
        public HashSet<IFieldSymbol> Passed { get; } = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);

        public HashSet<IMethodSymbol> Calls { get; } = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Fields closed only by a Close that follows a <c>Shutdown</c> of the same socket in the same block.</summary>
        public HashSet<IFieldSymbol> DisposedAfterShutdown { get; } = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Fields this method connects (<c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>).</summary>
        public HashSet<IFieldSymbol> Connected { get; } = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);

        /// <summary>Fields this method gives a datagram socket (<c>SocketType.Dgram</c>, <c>ProtocolType.Udp</c>).</summary>
        public HashSet<IFieldSymbol> Datagram { get; } = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
    }
}
