using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// What SOCK204 needs to know from outside a type, gathered over the whole compilation (operation actions run
    /// concurrently: concurrent collections, one lock per creation summary): where each type with socket fields is
    /// created (with a socket of its own as constructor argument), and which
    /// socket members are closed through another object (<c>owner.tcp.socket.Close()</c>).
    /// </summary>
    internal sealed class SocketFieldCompilationFacts
    {
        private readonly KnownSocketSymbols symbols;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> hasSocketFields = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, CreationSites> creations = new ConcurrentDictionary<INamedTypeSymbol, CreationSites>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> closedFromOutside = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        public SocketFieldCompilationFacts(KnownSocketSymbols symbols) => this.symbols = symbols;

        public void NoteCreation(OperationAnalysisContext context)
        {
            if (context.Operation is not IObjectCreationOperation { Type: INamedTypeSymbol type, Constructor: { } constructor } creation
                || !this.HasSocketFields(type.OriginalDefinition))
            {
                return;
            }

            var sites = this.creations.GetOrAdd(type.OriginalDefinition, _ => new CreationSites());
            var owned = new bool[creation.Arguments.Length];
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && parameter.Ordinal < owned.Length)
                {
                    owned[parameter.Ordinal] = this.IsOwnedArgument(argument.Value);
                }
            }

            sites.Add(constructor.OriginalDefinition, owned);
        }

        public void NoteInvocation(OperationAnalysisContext context)
        {
            if (context.Operation is not IInvocationOperation invocation || !OwnershipFacts.IsDisposal(invocation, this.symbols))
            {
                return;
            }

            // The member the closed socket is read from: through a wrapper's inner socket or stream, or directly.
            var receiver = OwnershipFacts.Unwrap(invocation.Instance);
            while (receiver is IPropertyReferenceOperation { Property.Name: "Client" or "Server" } inner && this.symbols.TryGetApi(inner.Property.ContainingType, out _)
                || receiver is IInvocationOperation { TargetMethod.Name: "GetStream" })
            {
                receiver = OwnershipFacts.Unwrap(receiver is IPropertyReferenceOperation property ? property.Instance : ((IInvocationOperation)receiver).Instance);
            }

            if (receiver is IMemberReferenceOperation { Instance: { } instance } member
                && instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                this.closedFromOutside.TryAdd(member.Member.OriginalDefinition, true);
            }
        }

        /// <summary>Closed through another object's member somewhere in the compilation.</summary>
        public bool IsClosedFromOutside(IFieldSymbol field) =>
            this.closedFromOutside.ContainsKey(field) || (field.AssociatedSymbol is { } property && this.closedFromOutside.ContainsKey(property));

        /// <summary>Created at least once with this constructor, and every such creation hands the parameter an owned socket.</summary>
        public bool AlwaysGetsAnOwnedSocket(IParameterSymbol parameter) =>
            parameter.ContainingSymbol is IMethodSymbol constructor
            && constructor.ContainingType is { } type
            && this.creations.TryGetValue(type.OriginalDefinition, out var sites)
            && sites.AlwaysOwned(constructor.OriginalDefinition, parameter.Ordinal);

        private bool HasSocketFields(INamedTypeSymbol type) =>
            type.DeclaringSyntaxReferences.Length > 0
            && this.hasSocketFields.GetOrAdd(type, t =>
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IFieldSymbol { IsConst: false } field && (!field.IsStatic || SocketFieldCollector.IsUnityBehaviour(t)) && this.symbols.TryGetApi(field.Type, out _))
                    {
                        return true;
                    }
                }

                return false;
            });

        /// <summary>
        /// A socket made or accepted for the new object and used for nothing else: the creation itself, or a local
        /// holding one and read only here.
        /// </summary>
        private bool IsOwnedArgument(IOperation value)
        {
            if (OwnershipFacts.IsOwnedCreation(value, this.symbols, out _))
            {
                return true;
            }

            if (OwnershipFacts.Unwrap(value) is not ILocalReferenceOperation local || Root(value) is not { } root)
            {
                return false;
            }

            var reads = 0;
            var owned = false;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local.Local):
                        reads++;
                        break;
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                        owned = declarator.Initializer is { } initializer && OwnershipFacts.IsOwnedCreation(initializer.Value, this.symbols, out _);
                        break;
                }
            }

            return owned && reads == 1;
        }

        private static IOperation? Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent is { } parent)
            {
                current = parent;
            }

            return current;
        }

        private sealed class CreationSites
        {
            private readonly object gate = new object();
            private readonly Dictionary<IMethodSymbol, bool[]> ownedByConstructor = new Dictionary<IMethodSymbol, bool[]>(SymbolEqualityComparer.Default);
            public void Add(IMethodSymbol constructor, bool[] owned)
            {
                lock (this.gate)
                {
                    if (this.ownedByConstructor.TryGetValue(constructor, out var known))
                    {
                        for (var i = 0; i < known.Length && i < owned.Length; i++)
                        {
                            known[i] &= owned[i];
                        }
                    }
                    else
                    {
                        this.ownedByConstructor[constructor] = owned;
                    }
                }
            }

            public bool AlwaysOwned(IMethodSymbol constructor, int ordinal)
            {
                lock (this.gate)
                {
                    return this.ownedByConstructor.TryGetValue(constructor, out var owned) && ordinal < owned.Length && owned[ordinal];
                }
            }
        }
    }
}
