using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK201, a close path guarded by <c>Connected</c>: <c>if (client.Connected) client.Close();</c> on a socket field
    /// of this object. A socket whose connect failed, that never connected, or whose connection was reset reports
    /// <c>Connected == false</c> (C4–C6) and still holds its descriptor: that path never closes it (see
    /// rules/SOCK201.md). Reported only when the type closes that field nowhere without such a guard.
    /// </summary>
    internal static class SocketClosedOnlyWhileConnectedRule
    {
        private const string Reason = "it is closed only while Connected, and a socket whose connect failed or was reset is not Connected, so it stays open";

        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            if (result.Owner is not IMethodSymbol { IsStatic: false, ContainingType: { } type })
            {
                return;
            }

            // The body's own operations, not those of its lambdas and local functions (analysed on their own).
            foreach (var operation in SocketAnalyzers.Rules.Reliability.HelperSummary.OwnOperations(result.Graph.OriginalOperation))
            {
                if (operation is not IConditionalOperation { WhenTrue: { } whenTrue } conditional
                    || conditional.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.IfStatementSyntax
                    || ConnectedTest(conditional.Condition) is not { } test
                    || Field(test.Instance) is not { } field
                    || !ClosesField(whenTrue, field)
                    || (conditional.WhenFalse is { } whenFalse && ClosesField(whenFalse, field))
                    || FieldClosingEvidence.ClosesMemberUnguarded(type, field.Name, cancellationToken))
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.Create(Descriptors.SocketNotDisposed, test.Syntax.GetLocation(), field.Name, Reason));
            }
        }

        /// <summary><c>x.Connected</c>, also as the last operand of <c>&amp;&amp;</c> (<c>x != null &amp;&amp; x.Connected</c>).</summary>
        private static IPropertyReferenceOperation? ConnectedTest(IOperation condition) => condition switch
        {
            IPropertyReferenceOperation { Property.Name: "Connected" } property
                when property.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == SocketAnalyzers.Protocol.ProtocolApiMap.SocketsNamespace => property,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and => ConnectedTest(and.RightOperand),
            _ => null,
        };

        /// <summary>A socket-typed field (or auto-property) of this object: <c>f</c>, <c>this.f</c>, or the wrapper of <c>f.Client</c>.</summary>
        private static ISymbol? Field(IOperation? instance)
        {
            instance = OwnershipFacts.Unwrap(instance);
            if (instance is IPropertyReferenceOperation { Property.Name: "Client" } inner)
            {
                instance = OwnershipFacts.Unwrap(inner.Instance);
            }

            return instance is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Member: IFieldSymbol or IPropertySymbol } member
                ? member.Member
                : null;
        }

        private static bool ClosesField(IOperation branch, ISymbol field)
        {
            foreach (var operation in branch.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Close" or "Dispose" or "DisposeAsync" or "Stop" } invocation
                    && Field(invocation.Instance) is { } closed && SymbolEqualityComparer.Default.Equals(closed, field))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
