using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Constructors of socket owners: whether the new object holds a socket it made or one it was handed.</summary>
    internal sealed partial class SocketOwningTypes
    {
        /// <summary>
        /// A constructor that, on every path (a statement of its body, not under a condition), stores into an owning
        /// member either a socket it creates or one of its socket parameters, and hands out neither <c>this</c> nor that
        /// parameter (no argument, store, delegate or capturing lambda; its own methods called only if they merely use
        /// the socket). A chained <c>this(…)</c>/<c>base(…)</c> of the compilation counts with its arguments; a field
        /// initializer that creates the socket counts for constructors that do not chain to <c>this(…)</c>.
        /// </summary>
        private ConstructorEffect ComputeEffect(SocketOwningType owner, IMethodSymbol constructor, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxHelperDepth || constructor.DeclaringSyntaxReferences.Length != 1)
            {
                return ConstructorEffect.None;
            }

            var syntax = constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (this.context.Summaries.GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IConstructorBodyOperation body
                || !this.KeepsThis(body, depth, cancellationToken))
            {
                return ConstructorEffect.None;
            }

            var creates = false;
            IParameterSymbol? taken = null;
            var chainsToThis = false;
            if (body.Initializer is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor } chained } call })
            {
                chainsToThis = SymbolEqualityComparer.Default.Equals(chained.ContainingType?.OriginalDefinition, constructor.ContainingType?.OriginalDefinition);
                var inner = this.ComputeEffect(owner, chained.OriginalDefinition, depth + 1, cancellationToken);
                creates = inner.Creates;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal == inner.TakenParameter)
                    {
                        switch (Unwrap(argument.Value))
                        {
                            case IParameterReferenceOperation parameter:
                                taken = parameter.Parameter;
                                break;
                            case IObjectCreationOperation creation when this.context.Symbols.TryGetApi(creation.Type, out _):
                                creates = true;
                                break;
                        }
                    }
                }
            }

            if (!chainsToThis)
            {
                creates |= this.InitializerCreates(owner, cancellationToken);
            }

            if (body.BlockBody is { } block)
            {
                foreach (var statement in block.Operations)
                {
                    if (statement is IExpressionStatementOperation { Operation: IAwaitOperation or IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } } acquiring
                        && Unwrap(acquiring.Operation is IAwaitOperation awaited ? awaited.Operation : acquiring.Operation) is IInvocationOperation helper && helper.Instance is IInstanceReferenceOperation
                        && this.UseAt(helper.TargetMethod.OriginalDefinition, depth + 1, System.Collections.Immutable.ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken)
                            is MemberUse.Acquires or MemberUse.AcquiresNetwork)
                    {
                        // `Link(…) { Connect(); }` with a Connect() that stores a new socket.
                        creates = true;
                        continue;
                    }

                    if (statement is not IExpressionStatementOperation { Operation: ISimpleAssignmentOperation store }
                        || MemberOfThis(store.Target) is not { } member || !owner.IsOwningMember(member))
                    {
                        continue;
                    }

                    var value = Unwrap(store.Value);
                    if (value is ICoalesceOperation { WhenNull: IThrowOperation } orThrow)
                    {
                        value = Unwrap(orThrow.Value);
                    }

                    if (value is IObjectCreationOperation { Constructor: not null } creation && this.context.Symbols.TryGetApi(creation.Type, out _))
                    {
                        creates = true;
                    }
                    else if (value is IParameterReferenceOperation parameter && this.context.Symbols.TryGetApi(parameter.Type, out _))
                    {
                        taken = parameter.Parameter;
                    }
                }
            }

            if (taken is not null && !creates && this.OnlyStoredAndUsed(body, taken))
            {
                return ConstructorEffect.Takes(taken.Ordinal);
            }

            if (creates && taken is null)
            {
                return ConstructorEffect.Creation;
            }

            return taken is null && !chainsToThis && !StoresInOwningMember(owner, body) ? ConstructorEffect.Empty : ConstructorEffect.None;
        }

        /// <summary>The constructor (and the methods it calls) hands out neither <c>this</c> nor a socket member.</summary>
        private bool KeepsThis(IConstructorBodyOperation body, int depth, CancellationToken cancellationToken)
        {
            foreach (var operation in body.Descendants())
            {
                switch (operation)
                {
                    case IMethodReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Method: var target }
                        when this.UseAt(target.OriginalDefinition, depth + 1, System.Collections.Immutable.ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken) is MemberUse.Unknown or MemberUse.Acquires or MemberUse.AcquiresNetwork:
                        // A delegate on this object that may close or replace its socket later (a lambda's body is walked here).
                        return false;
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self
                        when self.Parent is not (IMemberReferenceOperation or IInvocationOperation) || (self.Parent is IInvocationOperation call && call.Instance != self):
                        return false;
                    case IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Constructor } chained }:
                        // `: this(…)`/`: base(…)`: the chained body must keep `this` too; a library base class is unknown.
                        if (chained.DeclaringSyntaxReferences.Length == 0
                            ? chained.ContainingType?.SpecialType != SpecialType.System_Object
                            : depth >= MaxHelperDepth || this.context.Summaries.GetModel(chained.DeclaringSyntaxReferences[0].SyntaxTree)
                                .GetOperation(chained.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken) is not IConstructorBodyOperation chainedBody
                                || !this.KeepsThis(chainedBody, depth + 1, cancellationToken))
                        {
                            return false;
                        }

                        break;
                    case IInvocationOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } helper
                        when this.UseAt(helper.TargetMethod.OriginalDefinition, depth + 1, System.Collections.Immutable.ImmutableHashSet<IMethodSymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), cancellationToken) == MemberUse.Unknown:
                        // (A helper that acquires the socket, `Connect()`, keeps `this`: see the statements below.)
                        return false;
                    case IInvocationOperation closing when IsClosingName(closing.TargetMethod.Name)
                        && Unwrap(closing.Instance) is not (ILocalReferenceOperation or IParameterReferenceOperation):
                        return false;
                    case IFieldReferenceOperation or IPropertyReferenceOperation when MemberOfThis(operation) is not null && this.context.Symbols.TryGetApi(operation.Type, out _)
                        && SocketUseOf(operation, this.context.Symbols, storesInThis: true, fillsMembers: true) == MemberUse.Unknown:
                        // The socket handed to other code (a registry, a handler): it may close it.
                        return false;
                }
            }

            return true;
        }

        /// <summary>Any store of something other than null into an owning member (anywhere in the body, under any condition).</summary>
        private static bool StoresInOwningMember(SocketOwningType owner, IConstructorBodyOperation body)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation store && MemberOfThis(store.Target) is { } member && owner.IsOwningMember(member)
                    && !(Unwrap(store.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every other reference to the parameter only uses it (calls, property reads, tests), as a method would.</summary>
        private bool OnlyStoredAndUsed(IConstructorBodyOperation body, IParameterSymbol parameter)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                {
                    continue;
                }

                var use = reference.Parent;
                while (use is IConversionOperation or ICoalesceOperation)
                {
                    use = use.Parent;
                }

                if (use is ISimpleAssignmentOperation store && MemberOfThis(store.Target) is not null)
                {
                    continue;
                }

                if (SocketUseOf(reference, this.context.Symbols, storesInThis: true, fillsMembers: true) == MemberUse.Unknown)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An owning field or auto-property initialized with a new socket (<c>private TcpClient c = new TcpClient();</c>).</summary>
        private bool InitializerCreates(SocketOwningType owner, CancellationToken cancellationToken)
        {
            foreach (var member in owner.Members)
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    var initializer = reference.GetSyntax(cancellationToken) switch
                    {
                        VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                        PropertyDeclarationSyntax property => property.Initializer?.Value,
                        _ => null,
                    };
                    if (initializer is BaseObjectCreationExpressionSyntax
                        && this.context.Summaries.GetModel(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) is IObjectCreationOperation { Constructor: not null } creation
                        && this.context.Symbols.TryGetApi(creation.Type, out _))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
