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
            foreach (var child in invalid.ChildOperations)
            {
                var objects = this.Visit(child);
                if (child.Syntax == receiverSyntax)
                {
                    this.Lend(objects);
                }
                else
                {
                    this.Escape(objects);
                }
            }

            this.MayThrowHere();
            return this.UntrackedIfSocket(invalid);
        }

        /// <summary>The receiver expression of an invalid <c>x.Member(…)</c> call, or null for any other invalid code.</summary>
        private static SyntaxNode? ReceiverOfInvalidCall(IInvalidOperation invalid) =>
            invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null;
    }
}
