using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// What a socket owner's constructors and methods do with the socket and with <c>this</c>, read once per member
    /// from its operations. Anything the reading does not understand is <see cref="MemberUse.Unknown"/>: the caller
    /// then treats the call as unknown code (the object escapes), never as a claim.
    /// </summary>
    internal sealed partial class SocketOwningTypes
    {
        private readonly ConcurrentDictionary<IMethodSymbol, MemberUse> uses = new ConcurrentDictionary<IMethodSymbol, MemberUse>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ConstructorEffect> constructors = new ConcurrentDictionary<IMethodSymbol, ConstructorEffect>(SymbolEqualityComparer.Default);

        /// <summary>
        /// What a method of the type does to the object's sockets and to <c>this</c>: <see cref="MemberUse.Unknown"/>
        /// when it may close, replace, return or hand on a socket field, hand out <c>this</c> (an argument, a store, a
        /// delegate, a lambda that captures it), or is virtual in an unsealed type; else it only uses them.
        /// </summary>
        public MemberUse UseOf(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.UseAt(method.OriginalDefinition, 0, ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken);

        /// <summary>What <c>new T(…)</c> puts in an owning member of <paramref name="owner"/> (see <see cref="ConstructorEffect"/>).</summary>
        public ConstructorEffect EffectOf(SocketOwningType owner, IMethodSymbol constructor, CancellationToken cancellationToken)
        {
            var definition = constructor.OriginalDefinition;
            if (this.constructors.TryGetValue(definition, out var known))
            {
                return known;
            }

            var effect = this.ComputeEffect(owner, definition, 0, cancellationToken);
            this.constructors.TryAdd(definition, effect);
            return effect;
        }

        private MemberUse UseAt(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
        {
            // Inside a query the cache is not read: a helper's answer then depends only on this query's own depth and
            // cycle cuts, never on which answers other threads kept first (deterministic; at most depth 3 of helpers).
            if (depth == 0 && this.uses.TryGetValue(method, out var known))
            {
                return known;
            }

            if (callers.Contains(method))
            {
                // A cycle adds nothing the methods on it do not already do.
                return MemberUse.Uses;
            }

            var use = depth > MaxHelperDepth ? MemberUse.Unknown : this.ComputeUse(method, depth, callers.Add(method), cancellationToken);
            if (depth == 0)
            {
                // Only top-level answers are kept: an inner one may rest on a cycle cut of this query.
                this.uses.TryAdd(method, use);
            }

            return use;
        }

        private MemberUse ComputeUse(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken)
        {
            if ((method.IsVirtual || method.IsAbstract || method.IsOverride) && !method.IsSealed && method.ContainingType?.IsSealed != true
                || method.IsStatic || this.BodyOf(method, cancellationToken) is not { } body)
            {
                return MemberUse.Unknown;
            }

            var symbols = this.context.Symbols;
            var acquiresAt = this.AcquiringStore(method, body, cancellationToken);
            var network = false;
            var networkAfterAcquire = false;
            foreach (var operation in body.DescendantsAndSelf())
            {
                var usesNetwork = false;
                switch (operation)
                {
                    case IUsingOperation or IUsingDeclarationOperation:
                        // A using may close a stream the object owns.
                        return MemberUse.Unknown;
                    case IInvocationOperation closing when IsClosingName(closing.TargetMethod.Name)
                        && Unwrap(closing.Instance) is not (ILocalReferenceOperation or IParameterReferenceOperation):
                        // Closing any member (a Stream over the socket, a reader: J7) may close the connection.
                        return MemberUse.Unknown;
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self
                        when self.Parent is not (IMemberReferenceOperation or IInvocationOperation) || (self.Parent is IInvocationOperation call && call.Instance != self):
                        // `this` passed on, stored, returned: its new holder may close it. (A lambda's body is walked here
                        // too: one that only uses the object, even run later, closes nothing.)
                        return MemberUse.Unknown;
                    case IMethodReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Method: var target }:
                        // A delegate on this object (`Task.Run(ReceiveLoop)`) runs that method later: it must only use the sockets.
                        if (this.UseAt(target.OriginalDefinition, depth + 1, callers, cancellationToken) is MemberUse.Unknown or MemberUse.Acquires or MemberUse.AcquiresNetwork)
                        {
                            return MemberUse.Unknown;
                        }

                        break;
                    case IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } helper:
                        var inner = this.UseAt(helper.TargetMethod.OriginalDefinition, depth + 1, callers, cancellationToken);
                        if (inner is MemberUse.Unknown or MemberUse.Acquires or MemberUse.AcquiresNetwork)
                        {
                            return MemberUse.Unknown;
                        }

                        usesNetwork = inner == MemberUse.UsesNetwork;
                        break;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOfThis(operation) is not null
                        && symbols.TryGetApi(operation.Type, out _):
                        if (acquiresAt is not null && operation.Parent == acquiresAt && acquiresAt.Target == operation)
                        {
                            break;
                        }

                        var use = SocketUseOf(operation, symbols, storesInThis: acquiresAt is not null);
                        if (use == MemberUse.Unknown)
                        {
                            return MemberUse.Unknown;
                        }

                        usesNetwork = use == MemberUse.UsesNetwork;
                        break;
                }

                if (usesNetwork && !InsideTryWithCatch(operation))
                {
                    network = true;
                    networkAfterAcquire |= acquiresAt is not null && operation.Syntax.SpanStart > acquiresAt.Syntax.SpanStart;
                }
            }

            return acquiresAt is not null
                ? networkAfterAcquire ? MemberUse.AcquiresNetwork : MemberUse.Acquires
                : network ? MemberUse.UsesNetwork : MemberUse.Uses;
        }

        /// <summary>
        /// A statement of the method's body (not under a condition) that stores a new socket in an owning member of its
        /// type (<c>client = new TcpClient();</c> in a <c>Connect()</c>): the one store a method that acquires may make.
        /// </summary>
        private ISimpleAssignmentOperation? AcquiringStore(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
        {
            if (body is not IBlockOperation block || this.Of(method.ContainingType, cancellationToken) is not { } owner)
            {
                return null;
            }

            ISimpleAssignmentOperation? found = null;
            foreach (var statement in block.Operations)
            {
                if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation store }
                    && MemberOfThis(store.Target) is { } member && owner.IsOwningMember(member)
                    && Unwrap(store.Value) is IObjectCreationOperation { Constructor: not null } creation && this.context.Symbols.TryGetApi(creation.Type, out _))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = store;
                }
            }

            return found;
        }

        /// <summary>
        /// One use of a socket field: calls and property reads on it (through <c>Client</c>, <c>GetStream()</c>), null
        /// tests and comparisons only use it; anything else (closing, replacing, passing, returning, storing) is unknown.
        /// </summary>
        private static MemberUse SocketUseOf(IOperation reference, Symbols.KnownSocketSymbols symbols, bool storesInThis = false, bool fillsMembers = false)
        {
            var current = reference;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                if (parent is IConditionalAccessOperation access && access.Operation == current)
                {
                    // `f?.Poll(…)`: the use is what the conditional access applies to its instance.
                    if (FirstConditionalInstance(access.WhenNotNull) is not { } instance)
                    {
                        return MemberUse.Unknown;
                    }

                    current = instance;
                    parent = instance.Parent;
                }

                switch (parent)
                {
                    case IInvocationOperation call when call.Instance == current:
                        if (IsClosingName(call.TargetMethod.Name) || call.TargetMethod.Name is "Shutdown" or "Disconnect" or "DuplicateAndClose")
                        {
                            return MemberUse.Unknown;
                        }

                        if (call.TargetMethod.Name == "GetStream")
                        {
                            current = call;
                            continue;
                        }

                        return symbols.FindMember(call.TargetMethod) is { Operation: not (Protocol.SocketOperation.None or Protocol.SocketOperation.GetStream) }
                            || IsStreamTransfer(call.TargetMethod)
                            ? MemberUse.UsesNetwork
                            : MemberUse.Uses;
                    case IPropertyReferenceOperation property when property.Instance == current:
                        if (property.Property.Name is not ("Client" or "Server"))
                        {
                            return MemberUse.Uses;
                        }

                        if (property.Parent is ISimpleAssignmentOperation assigned && assigned.Target == property)
                        {
                            // `f.Client = null`: the wrapper lets go of its socket.
                            return MemberUse.Unknown;
                        }

                        current = property;
                        continue;
                    case IBinaryOperation or IIsPatternOperation or IIsTypeOperation:
                        return MemberUse.Uses;
                    case ISimpleAssignmentOperation assignment when storesInThis && assignment.Value == current && MemberOfThis(assignment.Target) is not null:
                    case ISimpleAssignmentOperation target when target.Target == current
                        && (fillsMembers || (storesInThis && IsMemberDerived(target.Value))):
                        // A constructor or an acquiring method filling its own members (`_stream = client.GetStream()`,
                        // `client = new TcpClient()`): the object keeps what it stores.
                        return MemberUse.Uses;
                    default:
                        return MemberUse.Unknown;
                }
            }
        }

        /// <summary>A member of this object, or what its <c>Client</c>/<c>Server</c>/<c>GetStream()</c> gives (one descriptor, J7).</summary>
        private static bool IsMemberDerived(IOperation value)
        {
            for (var current = Unwrap(value); current is not null; current = Unwrap(current))
            {
                if (MemberOfThis(current) is not null)
                {
                    return true;
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

        private static IOperation? FirstConditionalInstance(IOperation whenNotNull)
        {
            foreach (var operation in whenNotNull.DescendantsAndSelf())
            {
                if (operation is IConditionalAccessInstanceOperation instance)
                {
                    return instance;
                }
            }

            return null;
        }

        /// <summary>A read or write of a stream (Read, ReadAsync, Write, WriteAsync, CopyTo…): it fails with the connection.</summary>
        private static bool IsStreamTransfer(IMethodSymbol method) =>
            (method.Name.StartsWith("Read", System.StringComparison.Ordinal) || method.Name.StartsWith("Write", System.StringComparison.Ordinal)
                || method.Name.StartsWith("CopyTo", System.StringComparison.Ordinal))
            && method.ContainingNamespace?.ToDisplayString() is "System.IO" or "System.Net.Sockets" or "System.Net.Security";

        /// <summary>Inside the body of a try that has a catch: the method handles that failure itself.</summary>
        private static bool InsideTryWithCatch(IOperation operation)
        {
            for (var current = operation; current.Parent is { } parent; current = parent)
            {
                if (parent is ITryOperation { Catches.Length: > 0 } attempt && attempt.Body == current)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
