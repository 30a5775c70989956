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
            if (this.uses.TryGetValue(method, out var known))
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
            var result = MemberUse.Uses;
            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation when CapturesThis(operation):
                        return MemberUse.Unknown;
                    case IMethodReferenceOperation { Instance: IInstanceReferenceOperation }:
                    case IUsingOperation or IUsingDeclarationOperation:
                        // A delegate on this object may run later; a using may close a stream the object owns.
                        return MemberUse.Unknown;
                    case IInvocationOperation closing when IsClosingName(closing.TargetMethod.Name)
                        && Unwrap(closing.Instance) is not (ILocalReferenceOperation or IParameterReferenceOperation):
                        // Closing any member (a Stream over the socket, a reader: J7) may close the connection.
                        return MemberUse.Unknown;
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self
                        when self.Parent is not (IMemberReferenceOperation or IInvocationOperation) || (self.Parent is IInvocationOperation call && call.Instance != self):
                        // `this` passed on, stored, returned: its new holder may close it.
                        return MemberUse.Unknown;
                    case IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } helper:
                        var inner = this.UseAt(helper.TargetMethod.OriginalDefinition, depth + 1, callers, cancellationToken);
                        if (inner == MemberUse.Unknown)
                        {
                            return MemberUse.Unknown;
                        }

                        result = inner == MemberUse.UsesNetwork ? inner : result;
                        break;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOfThis(operation) is { } member
                        && symbols.TryGetApi(operation.Type, out _):
                        switch (SocketUseOf(operation, symbols))
                        {
                            case MemberUse.Unknown:
                                return MemberUse.Unknown;
                            case MemberUse.UsesNetwork when !InsideTryWithCatch(operation):
                                result = MemberUse.UsesNetwork;
                                break;
                        }

                        break;
                }
            }

            return result;
        }

        /// <summary>
        /// One use of a socket field: calls and property reads on it (through <c>Client</c>, <c>GetStream()</c>), null
        /// tests and comparisons only use it; anything else (closing, replacing, passing, returning, storing) is unknown.
        /// </summary>
        private static MemberUse SocketUseOf(IOperation reference, Symbols.KnownSocketSymbols symbols, bool storesInThis = false)
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
                    case ISimpleAssignmentOperation assignment when storesInThis && (assignment.Target == current || MemberOfThis(assignment.Target) is not null):
                        // A constructor filling its own members (`_stream = client.GetStream()`): the object keeps it.
                        return MemberUse.Uses;
                    default:
                        return MemberUse.Unknown;
                }
            }
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

        private static bool CapturesThis(IOperation function)
        {
            foreach (var operation in function.Descendants())
            {
                if (operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                {
                    return true;
                }
            }

            return false;
        }

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
