using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Fields of this object as owning slots: a socket stored in an instance field or auto-property of <c>this</c> is
    /// held by the object (<see cref="Ownership.Held"/>), and the field keeps pointing to it, so that later operations
    /// through the field, a close through it, and a later write that replaces it are all seen.
    /// </summary>
    internal sealed partial class TransferFunctions
    {
        private void StoreInMember(ISimpleAssignmentOperation assignment, ISymbol member, PointsTo value)
        {
            var variable = FlowVariable.Of(member);
            if (this.recording)
            {
                this.RecordFieldStore(assignment, member, variable, value);
            }

            this.Hold(value);

            // A stored GetStream() stream or Client socket shares its wrapper's descriptor (J7): the field holds both.
            this.HandOffWrappersOf(value, Ownership.Held);
            this.state.SetVariable(variable, value);

            // The field is now a variable with a known object: unknown calls and awaits must forget its state.
            this.analysis.HasMemberVariables = true;
        }

        /// <summary>The objects are held by a field of this object: no longer this method's to close, still followed.</summary>
        private void Hold(PointsTo objects)
        {
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    this.state.SetObject(id, value.WithOwnership((value.Ownership & ~Ownership.Owned) | Ownership.Held));
                }
            }
        }

        private void RecordFieldStore(ISimpleAssignmentOperation assignment, ISymbol member, FlowVariable variable, PointsTo value)
        {
            var isEntry = !this.state.TryGetVariable(variable, out var previous);
            var ownership = Ownership.None;
            var aliased = false;
            foreach (var id in previous)
            {
                if (this.state.GetObject(id) is { } old)
                {
                    ownership |= old.Ownership;
                }

                aliased |= this.IsReferencedElsewhere(id, variable);
            }

            this.analysis.AddFieldStore(new FieldStore(assignment, member, value, previous, isEntry, ownership, aliased));
        }

        /// <summary>A variable other than <paramref name="except"/> (flow captures aside) may refer to the object.</summary>
        private bool IsReferencedElsewhere(int id, FlowVariable except)
        {
            for (var index = 0; index < this.analysis.Variables.Count; index++)
            {
                var variable = this.analysis.Variables[index];
                if (variable.Symbol is not null && !variable.Equals(except) && this.state.GetVariable(index).Contains(id))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Before a creation renews its object in a loop: the previous incarnation is still held, open, by a field of
        /// this object, and the new one will replace it there (a retry loop that stores each attempt in the field).
        /// </summary>
        private void NoteRecreationWhileHeld(SocketOrigin origin)
        {
            if (!this.recording || this.state.GetObject(origin.Id) is not { Ownership: Ownership.Held })
            {
                return;
            }

            foreach (var index in this.analysis.Variables.Members)
            {
                if (this.state.GetVariable(index).Contains(origin.Id))
                {
                    this.analysis.NoteRecreatedWhileHeld(origin.Id);
                    return;
                }
            }
        }
    
        /// <summary>
        /// After a call that may reach this object (a method of its own type, or one handed <c>this</c>, a delegate or a
        /// lambda: a thread started on a method that reads the field): what the fields hold may have been taken.
        /// </summary>
        private void ReleaseHeldIfReached(IInvocationOperation? invocation, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            // A call on this object, or a static one of its own type (it may reach the object through a static field).
            var reaches = invocation is not null
                && ((invocation.Instance is IInstanceReferenceOperation && !this.OnlyUsesOwnSockets(invocation))
                    || (invocation.Instance is null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, (this.analysis.Owner as IMethodSymbol)?.ContainingType?.OriginalDefinition)));
            foreach (var argument in arguments)
            {
                reaches |= Unwrap(argument.Value) is IDelegateCreationOperation or IAnonymousFunctionOperation or IInstanceReferenceOperation;
            }

            if (reaches)
            {
                this.ReleaseHeld();
            }
        }

        /// <summary>
        /// In a constructor, a call of the type's own method that only uses its sockets and hands out neither them nor
        /// <c>this</c> (<see cref="SocketOwningTypes.UseOf"/>: `InitClient()` setting options) takes nothing from the
        /// fields. Elsewhere an own method stays a possible taker (a `Disconnect()` helper; SOCK201's field rules).
        /// </summary>
        private bool OnlyUsesOwnSockets(IInvocationOperation invocation) =>
            this.analysis.Owner is IMethodSymbol { MethodKind: MethodKind.Constructor }
            && invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
            && this.analysis.Context.Owners.UseOf(invocation.TargetMethod, this.analysis.CancellationToken) != MemberUse.Unknown;

        /// <summary>Other code ran that may have taken what the fields hold: a held object may have escaped.</summary>
        private void ReleaseHeld()
        {
            if (!this.analysis.HasMemberVariables)
            {
                return;
            }

            foreach (var index in this.analysis.Variables.Members)
            {
                foreach (var id in this.state.GetVariable(index))
                {
                    if (this.state.GetObject(id) is { } value && (value.Ownership & Ownership.Held) != 0)
                    {
                        this.state.SetObject(id, value.WithOwnership(value.Ownership | Ownership.Escaped));
                    }
                }
            }
        }

        private static IOperation Unwrap(IOperation operation) =>
            operation is IConversionOperation { IsImplicit: true } conversion ? Unwrap(conversion.Operand) : operation;
    
        /// <summary>
        /// <c>client.Client = null</c> on a TcpClient or UdpClient this body made: the wrapper lets go of its socket, and
        /// disposing the wrapper no longer closes it. Recorded with the wrapper's ownership for the lifetime rules.
        /// </summary>
        private void NoteInnerSocketReplaced(ISimpleAssignmentOperation assignment, ISymbol member, PointsTo owners, PointsTo value)
        {
            if (member is not IPropertySymbol { Name: "Client" } || !value.Equals(PointsTo.Null) || owners.HasNoObject
                || !this.analysis.Context.Symbols.TryGetApi(member.ContainingType, out var api) || api is not (Protocol.SocketApi.TcpClient or Protocol.SocketApi.UdpClient))
            {
                return;
            }

            var ownership = Ownership.None;
            foreach (var id in owners)
            {
                if (this.state.GetObject(id) is { } wrapper)
                {
                    ownership |= wrapper.Ownership;

                    // The wrapper holds no descriptor any more: disposing it would close nothing. What leaks now is
                    // the socket it let go of (reported by the lifetime rules from this record), not the wrapper.
                    this.state.SetObject(id, wrapper.WithOwnership((wrapper.Ownership & ~Ownership.Owned) | Ownership.Transferred));
                }
            }

            if (this.recording && !owners.MayBeUntracked)
            {
                this.analysis.AddInnerSocketDropped(new FieldStore(assignment, member, value, owners, previousIsEntryValue: false, ownership, previousAliased: false));
            }
        }
    }
}
