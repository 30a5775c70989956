using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The program's own socket owners (<see cref="SocketOwningTypes"/>) are followed as the socket they hold, as a
    /// library reader is followed as its stream: <c>new Wrapper(client)</c> is <c>client</c> (the wrapper now carries
    /// its obligation), <c>new Wrapper(endPoint)</c> that makes its socket is a new owned object, <c>Dispose()</c>
    /// closes it, and its owning member (<c>w.Client</c>) is the same object. Their states are unknown: what the
    /// type's code does to the socket is not followed, so protocol rules stay silent on them.
    /// </summary>
    internal sealed partial class TransferFunctions
    {
        /// <summary><c>new Owner(…)</c>: the object it holds, or null when the constructor is not one the analysis can claim.</summary>
        private PointsTo? CreateOwner(IObjectCreationOperation creation, IMethodSymbol constructor, PointsTo[] argumentObjects)
        {
            var owners = this.analysis.Context.Owners;
            if (owners.Of(creation.Type, this.analysis.CancellationToken) is not { } owner)
            {
                return null;
            }

            var effect = owners.EffectOf(owner, constructor, this.analysis.CancellationToken);
            var arguments = creation.Arguments;
            var socketFailure = ExceptionSources.MayRaiseSocketException(constructor);
            if (effect.TakenParameter >= 0)
            {
                var taken = -1;
                for (var i = 0; i < arguments.Length; i++)
                {
                    if (arguments[i].Parameter?.Ordinal == effect.TakenParameter)
                    {
                        taken = i;
                    }
                }

                if (taken < 0 || argumentObjects[taken].HasNoObject || argumentObjects[taken].MayBeUntracked)
                {
                    return null;
                }

                var held = argumentObjects[taken];
                if (!this.recording)
                {
                    // A constructor that takes a socket has taken it even if it then throws: cleaning up is its job.
                    var thrown = this.state.Clone();
                    foreach (var id in held)
                    {
                        if (thrown.GetObject(id) is { } value)
                        {
                            thrown.SetObject(id, value.WithOwnership((value.Ownership & ~Ownership.Owned) | Ownership.Transferred));
                        }
                    }

                    this.analysis.DeliverException(this.region, thrown, socketFailure);
                }

                var others = (PointsTo[])argumentObjects.Clone();
                others[taken] = PointsTo.Nothing;
                this.PassToUnknownCode(constructor, arguments, others);
                foreach (var id in held)
                {
                    this.analysis.Objects.Get(id).OwningWrapper ??= owner.Type;
                    if (this.state.GetObject(id) is { } value)
                    {
                        // The constructor may have connected or configured it: its state is no longer known here.
                        this.state.SetObject(id, value.ToUnknown());
                    }
                }

                return held;
            }

            if (!effect.Creates && !effect.IsEmpty)
            {
                return null;
            }

            var beforeCall = this.BeforeHandOff(argumentObjects, socketFailure);
            this.PassToUnknownCode(constructor, arguments, argumentObjects);
            if (beforeCall is not null)
            {
                this.MayThrowAfterHandOff(beforeCall, argumentObjects, socketFailure);
            }

            if (this.analysis.Objects.ForOperation(creation, SocketOriginKind.Creation) is not { } origin)
            {
                return PointsTo.Nothing;
            }

            origin.OwningWrapper ??= owner.Type;
            this.NoteRecreation(origin);
            this.Renew(origin.Id);
            // An owner that holds nothing yet owes nothing until one of its methods acquires a socket.
            this.state.SetObject(origin.Id, SocketValue.UnknownOf(owner.Api, Kinds.Of(owner.Api)).WithOwnership(effect.IsEmpty ? Ownership.None : Ownership.Owned));
            return PointsTo.Object(origin.Id);
        }

        /// <summary>
        /// A call on a followed owner: its release closes the object; a method that only uses the sockets keeps it
        /// owned (and may throw with it when it does network I/O); anything else is unknown code (null).
        /// </summary>
        private PointsTo? CallOwner(IInvocationOperation invocation, IOperation? receiverOperation, PointsTo receiver, PointsTo[] argumentObjects)
        {
            var method = invocation.TargetMethod;
            var owners = this.analysis.Context.Owners;
            if (method.IsStatic || receiver.HasNoObject || owners.Of(receiverOperation?.Type, this.analysis.CancellationToken) is not { } owner)
            {
                return null;
            }

            if (owners.Releases(owner, method, this.analysis.CancellationToken))
            {
                this.PassToUnknownCode(method, invocation.Arguments, argumentObjects);
                this.Step(invocation, null, MemberName(invocation.Syntax), method.Name, Protocol.SocketOperation.Close, receiverOperation, receiver);
                this.ApplyOperation(receiver, Protocol.SocketOperation.Close, invocation);
                return PointsTo.Nothing;
            }

            var use = owners.UseOf(method, this.analysis.CancellationToken);
            if (use == MemberUse.Unknown)
            {
                return null;
            }

            if (use is MemberUse.Acquires or MemberUse.AcquiresNetwork)
            {
                // `c.Connect()` storing a new socket: from here the object is this body's to close — unless it was
                // handed off or is not this body's at all (escaped, held, a parameter), which a store cannot undo.
                foreach (var id in receiver)
                {
                    if (this.state.GetObject(id) is { } value && (value.Ownership & ~(Ownership.Owned | Ownership.Disposed)) == Ownership.None)
                    {
                        this.state.SetObject(id, value.WithOwnership(Ownership.Owned));
                    }
                }
            }

            if (use is MemberUse.UsesNetwork or MemberUse.AcquiresNetwork)
            {
                // Its Connect or read fails from outside the program: an exception leaves with the owner still open.
                this.MayThrowHere();
                this.Step(invocation, null, MemberName(invocation.Syntax), method.Name, Protocol.SocketOperation.None, receiverOperation, receiver, ownerCall: true);
                this.PassToUnknownCode(method, invocation.Arguments, argumentObjects);
            }
            else
            {
                var beforeCall = this.BeforeHandOff(argumentObjects, socketFailure: false);
                this.PassToUnknownCode(method, invocation.Arguments, argumentObjects);
                if (beforeCall is not null)
                {
                    this.MayThrowAfterHandOff(beforeCall, argumentObjects, socketFailure: false);
                }
            }

            foreach (var id in receiver)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    this.state.SetObject(id, value.ToUnknown());
                }
            }

            this.HavocMembers();
            this.ReleaseHeldIfReached(invocation, invocation.Arguments);
            return this.UntrackedIfSocket(invocation);
        }

        /// <summary><c>w.Client</c>, <c>w.socket</c>: an owning member of a followed owner is the object itself.</summary>
        private bool IsOwningMemberOf(IOperation? instance, ISymbol member, PointsTo objects) =>
            !objects.HasNoObject && !member.IsStatic
            && this.analysis.Context.Owners.Of(instance?.Type, this.analysis.CancellationToken) is { } owner
            && owner.IsOwningMember(member is IFieldSymbol { AssociatedSymbol: { } property } ? property : member);
    }
}
