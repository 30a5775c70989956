using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Code typed mid-edit, or compiled without a reference: a creation or a call that does not bind. The analysis
    /// keeps what it still knows — the type that is created, the socket a call is made on — and forgets the state.
    /// </summary>
    internal sealed partial class TransferFunctions
    {
        /// <summary>
        /// <c>new TcpClient(&lt;arguments that match no constructor&gt;)</c> is still a new TcpClient, the caller's to close:
        /// tracked, owned, in an unknown state (protocol rules stay silent on it). Its arguments may be kept by it.
        /// </summary>
        private PointsTo CreateUnbound(IOperation creation, SocketApi api)
        {
            if (creation is IInvalidOperation)
            {
                foreach (var child in creation.ChildOperations)
                {
                    this.Escape(this.Visit(child));
                }
            }

            this.MayThrowHere();
            if (this.analysis.Objects.ForOperation(creation, SocketOriginKind.Creation) is not { } origin)
            {
                return PointsTo.Untracked;
            }

            this.NoteRecreation(origin);
            this.Renew(origin.Id);
            this.state.SetObject(origin.Id, SocketValue.UnknownOf(api, Kinds.Of(api)).WithOwnership(Ownership.Owned));
            return PointsTo.Object(origin.Id);
        }

        /// <summary>
        /// A call on a tracked socket that does not bind (<c>client.Conect(ep)</c> while typing): the socket is lent to it,
        /// not handed off — its state becomes unknown, its ownership stays. Arguments may be kept: they escape.
        /// </summary>
        private PointsTo CallThatDoesNotBind(IInvalidOperation invalid, SyntaxNode receiverSyntax)
        {
            IOperation? receiverOperation = null;
            var receiver = PointsTo.Nothing;
            foreach (var child in invalid.ChildOperations)
            {
                var objects = child.Syntax == receiverSyntax && this.MemberNamedLikeItsType(child) is { } member
                    ? this.ReadMember(child, member, null)
                    : this.Visit(child);
                if (child.Syntax == receiverSyntax)
                {
                    (receiverOperation, receiver) = (child, objects);
                    this.Lend(objects);
                }
                else
                {
                    this.Escape(objects);
                }
            }

            this.MayThrowHere();
            this.StepOfUnboundCall(invalid, receiverOperation, receiver);
            return this.UntrackedIfSocket(invalid);
        }

        /// <summary>
        /// <c>socket.Bind(ep.ToIPEndPoint())</c> whose argument's type is missing: whichever overload was meant, it is a
        /// Bind, Listen, Connect or Start of the receiver, an operation that fails for reasons outside the program. It is
        /// recorded as a step (the exception rules see it as the throw point it is); the receiver's state stays unknown.
        /// </summary>
        private void StepOfUnboundCall(IInvalidOperation invalid, IOperation? receiverOperation, PointsTo receiver)
        {
            if (receiverOperation is null || receiver.HasNoObject || !receiver.IsSingleObject
                || invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } }
                || this.state.GetObject(FirstOf(receiver)) is not { } value
                || ProtocolApiMap.Find(value.Api, name.Identifier.ValueText) is not { Operation: SocketOperation.Bind or SocketOperation.Listen or SocketOperation.Connect or SocketOperation.Start } member)
            {
                return;
            }

            this.Step(invalid, member, name, member.Name, member.Operation, receiverOperation, receiver);
        }

        /// <summary>
        /// <c>public Socket Socket { get; }</c> used as the receiver of a call that does not bind: C# cannot tell the
        /// property from the type of the same name there, and leaves the receiver unresolved (an operation of kind
        /// None). It is this type's member of that name and type, when there is one.
        /// </summary>
        private ISymbol? MemberNamedLikeItsType(IOperation receiver)
        {
            if (receiver.Kind != OperationKind.None || receiver.Syntax is not IdentifierNameSyntax name || receiver.Type is null
                || this.analysis.Owner?.ContainingType is not { } type)
            {
                return null;
            }

            foreach (var member in type.GetMembers(name.Identifier.ValueText))
            {
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (SymbolEqualityComparer.Default.Equals(memberType, receiver.Type))
                {
                    return member;
                }
            }

            return null;
        }

        private static int FirstOf(PointsTo objects)
        {
            foreach (var id in objects)
            {
                return id;
            }

            return -1;
        }

        /// <summary>The receiver expression of an invalid <c>x.Member(…)</c> call, or null for any other invalid code.</summary>
        private static SyntaxNode? ReceiverOfInvalidCall(IInvalidOperation invalid) =>
            invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null;
    }
}
