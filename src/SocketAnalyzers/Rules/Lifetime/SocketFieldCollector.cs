using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// Gathers, over the operation blocks of one type, the facts SOCK204 decides on. Blocks run concurrently: every
    /// write goes under one lock; the symbol-end action reads after all blocks finished.
    /// </summary>
    internal sealed partial class SocketFieldCollector
    {
        /// <summary>How deep Dispose is followed into helpers of the same type.</summary>
        private const int MaxHelperDepth = 8;

        private readonly object gate = new object();
        private readonly INamedTypeSymbol type;
        private readonly KnownSocketSymbols symbols;
        private readonly Dictionary<ISymbol, IFieldSymbol> fieldsByMember;
        private readonly Dictionary<IMethodSymbol, MethodFacts> methods = new Dictionary<IMethodSymbol, MethodFacts>(SymbolEqualityComparer.Default);

        private SocketFieldCollector(INamedTypeSymbol type, KnownSocketSymbols symbols, Dictionary<ISymbol, IFieldSymbol> fieldsByMember, Dictionary<IFieldSymbol, SocketFieldFacts> fields)
        {
            this.type = type;
            this.symbols = symbols;
            this.fieldsByMember = fieldsByMember;
            this.Fields = fields;
        }

        public Dictionary<IFieldSymbol, SocketFieldFacts> Fields { get; }

        /// <summary>The type declares Dispose(), Dispose(bool), DisposeAsync() or DisposeAsyncCore().</summary>
        public bool HasDisposeMethod
        {
            get
            {
                foreach (var member in this.type.GetMembers())
                {
                    if (member is IMethodSymbol method && IsDisposeEntry(method))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The type has a method that ends its life by name (Stop, Close, Shutdown, Disconnect, Dispose and their async forms).</summary>
        public bool HasStopMethod
        {
            get
            {
                foreach (var member in this.type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                        && (method.Name.StartsWith("Stop", System.StringComparison.Ordinal) || method.Name.StartsWith("Close", System.StringComparison.Ordinal)
                            || method.Name.StartsWith("Shutdown", System.StringComparison.Ordinal) || method.Name.StartsWith("Disconnect", System.StringComparison.Ordinal)
                            || method.Name.StartsWith("Dispose", System.StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>A non-private member gives out a socket-typed value (field, property, method result): others may close it.</summary>
        public bool ExposesSockets()
        {
            foreach (var member in this.type.GetMembers())
            {
                if (member.DeclaredAccessibility == Accessibility.Private || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                var exposed = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method.ReturnType,
                    _ => null,
                };
                if (exposed is not null && this.symbols.TryGetApi(exposed, out _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A collector when the type has instance fields (or auto-properties) of a socket API type, else null.</summary>
        public static SocketFieldCollector? TryCreate(INamedTypeSymbol type, KnownSocketSymbols symbols)
        {
            Dictionary<ISymbol, IFieldSymbol>? byMember = null;
            Dictionary<IFieldSymbol, SocketFieldFacts>? fields = null;
            foreach (var member in type.GetMembers())
            {
                if (member is IFieldSymbol { IsConst: false } field && (!field.IsStatic || IsUnityBehaviour(type)) && symbols.TryGetApi(field.Type, out var api))
                {
                    byMember ??= new Dictionary<ISymbol, IFieldSymbol>(SymbolEqualityComparer.Default);
                    fields ??= new Dictionary<IFieldSymbol, SocketFieldFacts>(SymbolEqualityComparer.Default);
                    byMember[field] = field;

                    // An auto-property's backing field is listed with the property as its associated symbol.
                    if (field.AssociatedSymbol is IPropertySymbol property)
                    {
                        byMember[property] = field;
                    }

                    fields[field] = new SocketFieldFacts(api);
                }
            }

            return fields is null ? null : new SocketFieldCollector(type, symbols, byMember!, fields);
        }

        /// <summary>
        /// A Unity script (a type deriving from <c>MonoBehaviour</c>, resolved or not): it lives for a scene or a play
        /// session, not for the process — the editor keeps its process from one play session to the next, so even a
        /// static field's socket outlives the session that opened it (the next session's Bind finds the port taken).
        /// </summary>
        public static bool IsUnityBehaviour(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == "MonoBehaviour")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The fields closed by the type's Dispose methods, directly or through helpers of the same type.</summary>
        public HashSet<IFieldSymbol> DisposedFromDispose(CancellationToken cancellationToken) =>
            this.ClosedFrom(disposeOnly: true, cancellationToken);

        /// <summary>The fields closed by any member of the type (a Stop or Close of its own lifecycle included).</summary>
        public HashSet<IFieldSymbol> ClosedByAnyMember(CancellationToken cancellationToken) =>
            this.ClosedFrom(disposeOnly: false, cancellationToken);

        private HashSet<IFieldSymbol> ClosedFrom(bool disposeOnly, CancellationToken cancellationToken)
        {
            var disposed = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<(IMethodSymbol Method, int Depth)>();
            foreach (var pair in this.methods)
            {
                if (!disposeOnly || IsDisposeEntry(pair.Key))
                {
                    pending.Push((pair.Key, 0));
                }
            }

            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (method, depth) = pending.Pop();
                if (!visited.Add(method) || !this.methods.TryGetValue(method, out var facts))
                {
                    continue;
                }

                disposed.UnionWith(facts.Disposed);
                if (disposeOnly)
                {
                    // Handed to a helper from Dispose: disposing is what it is there for. From any other member, a
                    // field passed along (to a non-owning stream, a logger) is only lent.
                    disposed.UnionWith(facts.Passed);
                }

                if (depth < MaxHelperDepth)
                {
                    foreach (var callee in facts.Calls)
                    {
                        pending.Push((callee, depth + 1));
                    }
                }
            }

            // Disposing the stream of TcpClient.GetStream() closes the client's socket (J7).
            foreach (var pair in this.Fields)
            {
                if (pair.Value.StreamOf is { } client && disposed.Contains(pair.Key))
                {
                    disposed.Add(client);
                }
            }

            return disposed;
        }

        /// <summary>
        /// Fields the type closes only right after a <c>Shutdown</c> of them, and that may never have connected when it
        /// does: a datagram socket the type never connects (H2), or a stream socket the type connects (the connect may
        /// fail, H1). Shutdown then throws and the Close is skipped. Listeners are left out: Linux accepts their Shutdown.
        /// </summary>
        public HashSet<IFieldSymbol> ClosedOnlyAfterFailingShutdown(CancellationToken cancellationToken)
        {
            var afterShutdown = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            var connected = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            var datagram = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
            lock (this.gate)
            {
                foreach (var facts in this.methods.Values)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    afterShutdown.UnionWith(facts.DisposedAfterShutdown);
                    connected.UnionWith(facts.Connected);
                    datagram.UnionWith(facts.Datagram);
                }
            }

            afterShutdown.RemoveWhere(field => datagram.Contains(field) ? connected.Contains(field) : !connected.Contains(field));
            return afterShutdown;
        }

        /// <summary>Some member closes the field right after a Shutdown of it (whether or not that Shutdown can fail).</summary>
        public bool ClosedAfterAnyShutdown(IFieldSymbol field)
        {
            lock (this.gate)
            {
                foreach (var facts in this.methods.Values)
                {
                    if (facts.DisposedAfterShutdown.Contains(field))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsDisposeEntry(IMethodSymbol method) =>
            method.MethodKind is MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation
            && !method.IsStatic
            && (method.Name.EndsWith("Dispose", System.StringComparison.Ordinal) && method.Parameters.Length == 0
                || method.Name == "Dispose" && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_Boolean
                || method.Name.EndsWith("DisposeAsync", System.StringComparison.Ordinal) && method.Parameters.Length == 0
                || method.Name == "DisposeAsyncCore" && method.Parameters.Length == 0);
    }
}
