using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Transfer functions of protocol operations: state transitions, results, protocol properties.</summary>
    internal sealed partial class TransferFunctions
    {
        private void Step(IOperation operation, ProtocolMember? member, SyntaxNode? name, string display, SocketOperation socketOperation, IOperation? receiverOperation, PointsTo receiver, bool ownerCall = false)
        {
            if (this.recording)
            {
                this.analysis.AddStep(new ProtocolStep(operation, member, name, display, socketOperation, receiverOperation, receiver, this.ValueOf(receiver)) { IsOwnerCall = ownerCall });
            }
        }

        /// <summary>Moves every object <paramref name="receiver"/> may be: strongly when it is one object, weakly otherwise.</summary>
        private void ApplyOperation(PointsTo receiver, SocketOperation operation, IOperation site)
        {
            if (operation == SocketOperation.None)
            {
                return;
            }

            var strong = receiver.IsSingleObject;
            foreach (var id in receiver)
            {
                if (this.state.GetObject(id) is not { } value)
                {
                    continue;
                }

                var next = value.Apply(operation, site);
                var merged = strong ? next : value.Join(next);
                if (operation == SocketOperation.Close || (operation == SocketOperation.Stop && value.Api == SocketApi.TcpListener))
                {
                    // Disposing the stream of TcpClient.GetStream(), or closing its Client socket, closes the client's
                    // socket (J7): nothing is left for the client to release.
                    this.HandOffWrappersOf(PointsTo.Object(id), Ownership.Disposed);

                    // Ownership is updated for every object the receiver may be, weak update or not: the lifetime
                    // rules stay silent rather than guess which one was closed (`using (cond ? a : b)`). Stop disposes a
                    // TcpListener's socket (socket-semantics J7).
                    merged = merged.WithOwnership(strong ? Ownership.Disposed : (value.Ownership & ~Ownership.Owned) | Ownership.Disposed);
                }

                this.state.SetObject(id, merged);
                this.ForgetWrappers(id);
            }
        }

        /// <summary>
        /// The inner socket of a wrapper changed behind the wrapper's back (<c>client.Client.Connect(…)</c>): what the
        /// wrapper then does is decided by that socket, not by the wrapper's own state, so the wrapper's state is unknown.
        /// </summary>
        private void ForgetWrappers(int wrapped)
        {
            if (!this.analysis.TryGetWrapper(wrapped, out var owners))
            {
                return;
            }

            foreach (var owner in owners)
            {
                if (this.state.GetObject(owner) is { IsUnknown: false } value)
                {
                    this.state.SetObject(owner, value.ToUnknown());
                }
            }
        }

        private PointsTo ResultOf(IInvocationOperation invocation, ProtocolMember member, PointsTo receiver)
        {
            var symbols = this.analysis.Context.Symbols;
            var resultType = UnwrapTask(invocation.Type);
            if (!symbols.TryGetApi(resultType, out var resultApi))
            {
                return PointsTo.Nothing;
            }

            if (member.Has(ApiTraits.ReturnsAccepted))
            {
                return this.Accepted(invocation, resultApi);
            }

            if (member.Operation == SocketOperation.GetStream && this.ValueOf(receiver) is not null
                && this.analysis.Objects.ForOperation(invocation, SocketOriginKind.WrappedSocket) is { } stream)
            {
                // The TcpClient owns the stream it hands out: disposing one closes the other.
                stream.WrappedBy ??= receiver.IsSingleObject ? FirstId(receiver) : null;
                this.Renew(stream.Id);
                this.state.SetObject(stream.Id, SocketValue.Created(SocketApi.NetworkStream, Kinds.Of(SocketApi.NetworkStream), SocketState.Connected, Ownership.Unknown, invocation));
                return PointsTo.Object(stream.Id);
            }

            return PointsTo.Untracked;
        }

        /// <summary>An accepted connection: connected, a stream, and the caller's to dispose.</summary>
        private PointsTo Accepted(IInvocationOperation invocation, SocketApi resultApi)
        {
            if (this.analysis.Objects.ForOperation(invocation, SocketOriginKind.Accepted) is not { } accepted)
            {
                return PointsTo.Untracked;
            }

            this.NoteRecreation(accepted);
            this.Renew(accepted.Id);
            this.state.SetObject(accepted.Id, SocketValue.Created(resultApi, Kinds.Of(SocketApi.TcpClient), SocketState.Connected, Ownership.Owned, invocation));
            return PointsTo.Object(accepted.Id);
        }

        private static int? FirstId(PointsTo objects)
        {
            foreach (var id in objects)
            {
                return id;
            }

            return null;
        }

        private static ITypeSymbol? UnwrapTask(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
                ? task.TypeArguments[0]
                : type;

        private static SocketOperation Refine(ProtocolMember member, IInvocationOperation invocation)
        {
            switch (member.Api, member.Name)
            {
                case (SocketApi.Socket, "Shutdown"):
                    return ProtocolApiMap.ShutdownOperation(SocketArguments.ConstantOrNull(invocation, 0));
                case (SocketApi.Socket, "SetSocketOption"):
                    return invocation.Arguments.Length >= 3
                        ? ProtocolApiMap.SetSocketOptionOperation(SocketArguments.ConstantOrNull(invocation, 0), SocketArguments.ConstantOrNull(invocation, 1))
                        : SocketOperation.None;
                case (SocketApi.UdpClient, "Send" or "SendAsync" or "BeginSend"):
                    var explicitDestination = false;
                    foreach (var parameter in invocation.TargetMethod.Parameters)
                    {
                        explicitDestination |= parameter.Type.Name is "IPEndPoint" or "String";
                    }

                    return ProtocolApiMap.UdpSendOperation(explicitDestination);
                default:
                    return member.Operation;
            }
        }

        private void ApplyEffect(PointsTo objects, ParameterEffect effect, IInvocationOperation site)
        {
            // An async callee that is not awaited right here may not have finished: its effect may or may not have happened.
            var completed = !site.TargetMethod.IsAsync || site.Parent is IAwaitOperation;
            var strong = objects.IsSingleObject && completed;
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is not { } value)
                {
                    continue;
                }

                var next = value;
                var relation = value.Relation.IsEmpty ? value.Relation : value.Relation.Then(effect.Relation);
                if (effect.Relation.Equals(StateRelation.Unknown))
                {
                    next = value.ToUnknown();
                }
                else if (!value.IsUnknown)
                {
                    var states = effect.Relation.Image(value.States);
                    next = states == value.States ? value
                        : states.IsEmpty ? value.ToUnknown()
                        : new SocketValue(value.Api, value.Kind, states, value.Ownership, CausesAt(states, site), relation);
                }
                else if (!relation.Equals(value.Relation))
                {
                    next = new SocketValue(value.Api, value.Kind, value.States, value.Ownership, value.Causes, relation);
                }

                if (effect.Ownership == Ownership.Disposed)
                {
                    next = next.WithOwnership(Ownership.Disposed);
                }
                else if ((effect.Ownership & (Ownership.Escaped | Ownership.Held | Ownership.Transferred | Ownership.Disposed)) != 0)
                {
                    // The callee closes or keeps it on some path: the caller has handed it off (the lifetime rules
                    // stay silent rather than split the obligation between them).
                    next = next.WithOwnership((next.Ownership & ~Ownership.Owned) | (effect.Ownership & (Ownership.Escaped | Ownership.Held | Ownership.Transferred | Ownership.Disposed)));
                }

                var merged = strong ? next : value.Join(next);
                if ((effect.Ownership & (Ownership.Escaped | Ownership.Held | Ownership.Transferred | Ownership.Disposed)) != 0)
                {
                    // Awaited or not, the callee now holds it: the caller's ownership ends either way.
                    merged = merged.WithOwnership(merged.Ownership & ~Ownership.Owned);
                    this.HandOffWrappersOf(PointsTo.Object(id), effect.Ownership & (Ownership.Escaped | Ownership.Transferred | Ownership.Disposed));
                }

                this.state.SetObject(id, merged);
                this.ForgetWrappers(id);
            }
        }

        private static ImmutableArray<StateCause> CausesAt(SocketStates states, IOperation site)
        {
            var builder = ImmutableArray.CreateBuilder<StateCause>();
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (states.Contains(state))
                {
                    builder.Add(new StateCause(state, site));
                }
            }

            return builder.ToImmutable();
        }

        private PointsTo ReadProperty(IPropertyReferenceOperation property)
        {
            var symbols = this.analysis.Context.Symbols;
            if (property.Instance is { } instance && symbols.TryGetApi(instance.Type, out var ownerApi))
            {
                var owner = this.Visit(instance);
                if (property.Property.Name is "Client" or "Server" && symbols.TryGetApi(property.Type, out var wrappedApi) && wrappedApi == SocketApi.Socket && ownerApi != SocketApi.Socket)
                {
                    return this.Wrapped(property, ownerApi, owner);
                }

                return this.UntrackedIfSocket(property);
            }

            return this.ReadMember(property, property.Property, property.Instance);
        }

        /// <summary>The socket a TcpClient, UdpClient or TcpListener wraps: in the same state as its owner, owned by it.</summary>
        private PointsTo Wrapped(IPropertyReferenceOperation property, SocketApi ownerApi, PointsTo owner)
        {
            if (this.ValueOf(owner) is not { } ownerValue || this.analysis.Objects.ForOperation(property, SocketOriginKind.WrappedSocket) is not { } origin)
            {
                return PointsTo.Untracked;
            }

            origin.WrappedBy ??= owner.IsSingleObject ? FirstId(owner) : null;
            var states = ownerValue.States.Contains(SocketState.Closed) ? SocketStates.Any : ownerValue.States;
            var kind = ownerValue.Kind.Transport == SocketTransport.Unknown ? Kinds.Of(ownerApi) : ownerValue.Kind;
            this.Renew(origin.Id);
            this.state.SetObject(origin.Id, new SocketValue(SocketApi.Socket, kind, states, Ownership.Unknown, ownerValue.Causes, default));
            this.analysis.LinkWrapper(origin.Id, owner);
            return PointsTo.Object(origin.Id);
        }

        private bool TrySetProtocolProperty(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property)
        {
            if (property.Instance is not { } instance
                || this.analysis.Context.Symbols.FindMember(property.Property) is not { Operation: not SocketOperation.None } member)
            {
                return false;
            }

            var receiver = this.Visit(instance);
            this.Visit(assignment.Value);
            this.MayThrowHere();
            this.Step(assignment, member, MemberName(property.Syntax), member.Name, member.Operation, instance, receiver);
            this.ApplyOperation(receiver, member.Operation, assignment);
            return true;
        }

        private static SyntaxNode? MemberName(SyntaxNode syntax) => syntax switch
        {
            InvocationExpressionSyntax invocation => MemberName(invocation.Expression),
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax name => name,
            _ => syntax,
        };

        private static SyntaxNode CreationName(SyntaxNode syntax) =>
            syntax is ObjectCreationExpressionSyntax { Type: { } type } ? type : syntax;
    }
}
