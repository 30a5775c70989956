using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The program's own socket owners: a class of this compilation that implements <c>IDisposable</c> and whose
    /// <c>Dispose()</c> closes a socket-typed field or auto-property on every path (null checks of that field, a
    /// <c>disposing</c> flag its callers pass as <c>true</c>, and a guard on a flag the method itself sets aside).
    /// Such a type is followed like the socket it holds: <c>new Wrapper(…)</c> is a socket to close. Types without
    /// <c>IDisposable</c> are not owners, whatever their <c>Close()</c> does: the engine releases on Close/Stop only
    /// for socket types, and nothing disposes such a type by <c>using</c>.
    /// One fact per type, computed on first use from operations (bounded in helper depth), cached for the compilation.
    /// </summary>
    internal sealed partial class SocketOwningTypes
    {
        /// <summary>How deep Dispose is followed into helpers of its own type (Dispose() → Dispose(true) → Close()).</summary>
        private const int MaxHelperDepth = 3;

        private static readonly SocketOwningType None = new SocketOwningType(null!, null!, ImmutableArray<ISymbol>.Empty, default);

        private readonly FlowContext context;
        private readonly ConcurrentDictionary<INamedTypeSymbol, SocketOwningType> types = new ConcurrentDictionary<INamedTypeSymbol, SocketOwningType>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, bool> releases = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public SocketOwningTypes(FlowContext context) => this.context = context;

        /// <summary>The type's fact, or null when it owns no socket (cheap for the types of libraries).</summary>
        public SocketOwningType? Of(ITypeSymbol? type, CancellationToken cancellationToken)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.Length: > 0 } named)
            {
                return null;
            }

            var definition = named.OriginalDefinition;
            if (this.types.TryGetValue(definition, out var known))
            {
                return known == None ? null : known;
            }

            var computed = this.Compute(definition, cancellationToken) ?? None;
            this.types.TryAdd(definition, computed);
            return computed == None ? null : computed;
        }

        /// <summary>The owner a method returns, directly or as the result of a Task or ValueTask.</summary>
        public SocketOwningType? OfResult(ITypeSymbol? type, CancellationToken cancellationToken) =>
            this.Of(type, cancellationToken)
            ?? (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? this.Of(task.TypeArguments[0], cancellationToken) : null);

        private SocketOwningType? Compute(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var symbols = this.context.Symbols;
            if (symbols.TryGetApi(type, out _) || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, this.context.Compilation.Assembly))
            {
                // A class derived from TcpClient is already followed as one.
                return null;
            }

            var disposable = this.context.Compilation.GetSpecialType(SpecialType.System_IDisposable);
            if (!type.AllInterfaces.Contains(disposable) || disposable.GetMembers("Dispose") is not { Length: 1 } members
                || type.FindImplementationForInterfaceMember(members[0]) is not IMethodSymbol { DeclaringSyntaxReferences.Length: 1 } dispose)
            {
                return null;
            }

            var owned = ImmutableArray.CreateBuilder<ISymbol>();
            SocketApi? api = null;
            foreach (var member in dispose.ContainingType.GetMembers())
            {
                if (member is not IFieldSymbol { IsStatic: false } field || !symbols.TryGetApi(field.Type, out var fieldApi))
                {
                    continue;
                }

                var storage = (field.AssociatedSymbol ?? field).OriginalDefinition;
                if (new DisposeWalk(this, storage, cancellationToken).ClosesOnEveryPath(dispose, ImmutableHashSet<IParameterSymbol>.Empty, 0))
                {
                    owned.Add(storage);
                    api ??= fieldApi;
                }
            }

            return api is { } first ? new SocketOwningType(type, dispose, owned.ToImmutable(), first) : null;
        }

        /// <summary>
        /// The call releases the object: its <c>Dispose()</c>, or a parameterless method (<c>Close()</c>) that closes
        /// every owning member on every path as Dispose does.
        /// </summary>
        public bool Releases(SocketOwningType owner, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, owner.Dispose.OriginalDefinition)
                || (definition.Name == "Dispose" && definition.Parameters.Length == 0 && definition.ContainingType?.SpecialType == SpecialType.System_IDisposable))
            {
                return true;
            }

            if (definition.Parameters.Length != 0 || definition.IsStatic)
            {
                return false;
            }

            return this.releases.GetOrAdd(definition, m =>
            {
                foreach (var member in owner.Members)
                {
                    if (!new DisposeWalk(this, member, cancellationToken).ClosesOnEveryPath(m, ImmutableHashSet<IParameterSymbol>.Empty, 0))
                    {
                        return false;
                    }
                }

                return true;
            });
        }

        /// <summary>The body of a source method (block or expression), or null.</summary>
        internal IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsExtern)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return this.context.Summaries.GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
            {
                IMethodBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                IConstructorBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                _ => null,
            };
        }

        /// <summary>A field or auto-property of this object (its original definition), read or written.</summary>
        internal static ISymbol? MemberOfThis(IOperation? operation)
        {
            operation = Unwrap(operation);
            return operation switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Field.IsStatic: false } field
                    => (field.Field.AssociatedSymbol ?? field.Field).OriginalDefinition,
                IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property
                    => property.Property.OriginalDefinition,
                _ => null,
            };
        }

        /// <summary>The member, or its socket's <c>Client</c>/<c>Server</c>, or its <c>GetStream()</c> (one descriptor, J7).</summary>
        internal static bool RootsAt(IOperation? operation, ISymbol member)
        {
            for (var current = Unwrap(operation); current is not null; current = Unwrap(current))
            {
                if (MemberOfThis(current) is { } found)
                {
                    return SymbolEqualityComparer.Default.Equals(found, member);
                }

                current = current switch
                {
                    IPropertyReferenceOperation { Property.Name: "Client" or "Server", Instance: { } inner } => inner,
                    IInvocationOperation { TargetMethod.Name: "GetStream", Instance: { } inner } => inner,
                    _ => null,
                };
            }

            return false;
        }

        internal static bool IsClosingName(string name) => name is "Close" or "Dispose" or "DisposeAsync" or "Stop";

        internal static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }
    }
}
