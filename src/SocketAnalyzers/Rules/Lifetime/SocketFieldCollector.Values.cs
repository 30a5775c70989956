using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>Classifying values: owned sockets, foreign values, and references to the tracked fields.</summary>
    internal sealed partial class SocketFieldCollector
    {

        private static bool IsOwnInstance(IOperation? instance) =>
            instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private void NoteLocal(ILocalSymbol local, IOperation value, Dictionary<ILocalSymbol, bool> ownedLocals, Dictionary<ILocalSymbol, IFieldSymbol> aliases)
        {
            if (this.TrackedField(value, aliases) is { } field)
            {
                aliases[local] = field;
            }

            var owned = OwnershipFacts.IsOwnedCreation(value, this.symbols, out _);
            ownedLocals[local] = ownedLocals.TryGetValue(local, out var before) ? before && owned : owned;
        }

        private void NoteStore(ISymbol member, IOperation value, Dictionary<ILocalSymbol, bool> ownedLocals, List<(IFieldSymbol, Location?, bool, bool)> updates)
        {
            if (!this.fieldsByMember.TryGetValue(member.OriginalDefinition, out var field))
            {
                return;
            }

            var unwrapped = OwnershipFacts.Unwrap(value);
            if (unwrapped is null || unwrapped.ConstantValue is { HasValue: true, Value: null } || unwrapped is IDefaultValueOperation)
            {
                // Storing null (releasing the field) says nothing about ownership.
                return;
            }

            if (this.StreamOfClientField(unwrapped) is { } client)
            {
                lock (this.gate)
                {
                    this.Fields[field].StreamOf = client;
                }
            }

            var owned = OwnershipFacts.IsOwnedCreation(unwrapped, this.symbols, out _)
                || unwrapped is ILocalReferenceOperation local && ownedLocals.TryGetValue(local.Local, out var always) && always;
            if (!owned && unwrapped is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor }, RefKind: RefKind.None } parameter })
            {
                lock (this.gate)
                {
                    this.Fields[field].ConstructorParameters.Add((parameter, value.Syntax.GetLocation()));
                }

                updates.Add((field, null, true, false));
                return;
            }

            if (!owned)
            {
                lock (this.gate)
                {
                    this.Fields[field].HasOtherForeignValue = true;
                }
            }

            updates.Add((field, owned ? value.Syntax.GetLocation() : null, !owned, false));
        }

        /// <summary>The tracked field a value reads: <c>this.f</c>, <c>f</c>, <c>f?.</c> receivers, auto-properties, local copies.</summary>
        private IFieldSymbol? TrackedField(IOperation? value, Dictionary<ILocalSymbol, IFieldSymbol>? aliases)
        {
            value = OwnershipFacts.Unwrap(value);
            if (value is IConditionalAccessInstanceOperation conditional)
            {
                value = ConditionalReceiver(conditional);
            }

            return value switch
            {
                IFieldReferenceOperation field when IsOwnInstance(field.Instance) && this.fieldsByMember.TryGetValue(field.Field.OriginalDefinition, out var tracked) => tracked,
                IPropertyReferenceOperation property when IsOwnInstance(property.Instance) && this.fieldsByMember.TryGetValue(property.Property.OriginalDefinition, out var backing) => backing,
                ILocalReferenceOperation local when aliases is not null && aliases.TryGetValue(local.Local, out var copied) => copied,
                _ => null,
            };
        }

        /// <summary>The receiver <c>x</c> of <c>x?.Dispose()</c>, seen from the placeholder inside the access.</summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return OwnershipFacts.Unwrap(access.Operation);
                }
            }

            return null;
        }

        /// <summary>The TcpClient field whose GetStream() the value is: disposing that stream closes the client's socket (J7).</summary>
        private IFieldSymbol? StreamOfClientField(IOperation? value) =>
            OwnershipFacts.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "GetStream" } invocation
                && this.symbols.TryGetApi(invocation.TargetMethod.ContainingType, out var api)
                && api == SocketApi.TcpClient
                ? this.TrackedField(invocation.Instance, aliases: null)
                : null;
    }
}
