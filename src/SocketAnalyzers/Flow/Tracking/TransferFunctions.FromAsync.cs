using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary><c>Task.Factory.FromAsync(l.BeginAcceptTcpClient, l.EndAcceptTcpClient, null)</c>: an accept as a task.</summary>
    internal sealed partial class TransferFunctions
    {
        /// <summary>
        /// FromAsync given the End member of an accept (<see cref="ApiTraits.ReturnsAccepted"/> in the protocol model)
        /// returns the accepted connection, owned here like Accept's. The Begin/End members are only called on their
        /// receiver: naming them keeps nothing.
        /// </summary>
        private bool TryAcceptThroughFromAsync(IInvocationOperation invocation, out PointsTo result)
        {
            result = PointsTo.Nothing;
            var method = invocation.TargetMethod;
            var symbols = this.analysis.Context.Symbols;
            if (method.Name != "FromAsync" || method.ContainingType is not { Name: "TaskFactory" } factory
                || factory.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks"
                || !symbols.TryGetApi(UnwrapTask(invocation.Type), out var resultApi))
            {
                return false;
            }

            var accepts = false;
            foreach (var argument in invocation.Arguments)
            {
                accepts |= RunOnceSinks.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                    && symbols.FindMember(reference.Method) is { } member && member.Has(ApiTraits.ReturnsAccepted);
            }

            if (!accepts)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (RunOnceSinks.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                {
                    this.Visit(reference.Instance);
                }
                else
                {
                    this.Escape(this.Visit(argument.Value));
                }
            }

            this.MayThrowHere();
            result = this.Accepted(invocation, resultApi);
            return true;
        }
    }
}
