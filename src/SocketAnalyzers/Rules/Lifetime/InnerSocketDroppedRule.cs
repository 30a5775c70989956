using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK201, <c>tcpClient.Client = null</c> / <c>udpClient.Client = null</c>: the wrapper drops its socket without
    /// closing it, and disposing the wrapper afterwards closes nothing — the socket stays open until finalized (see
    /// rules/SOCK201.md). Reported when the wrapper is this body's (made, accepted, or held by a field it stored it in),
    /// still open there, and nothing in the body read the socket out before (<c>var s = c.Client; c.Client = null;</c>
    /// detaches it on purpose) or closed it.
    /// </summary>
    internal static class InnerSocketDroppedRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            foreach (var drop in result.InnerSocketsDropped)
            {
                if (drop.Assignment is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } wrapper } target }
                    || !OwnedAndOpen(result, drop)
                    || InnerSocketUsedBefore(result.Graph.OriginalOperation, target, wrapper))
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.Create(
                    Descriptors.SocketNotDisposed,
                    drop.Assignment.Syntax.GetLocation(),
                    target.Syntax.ToString(),
                    "setting it to null orphans the socket, and disposing the " + target.Property.ContainingType.Name + " no longer closes it"));
            }
        }

        private static bool OwnedAndOpen(SocketFlowResult result, FieldStore drop)
        {
            foreach (var id in drop.Previous)
            {
                if (!LifetimeFindings.IsOwnedOrigin(result.Objects[id]))
                {
                    return false;
                }
            }

            return (drop.PreviousOwnership & (Ownership.Owned | Ownership.Held)) != 0
                && (drop.PreviousOwnership & (Ownership.Disposed | Ownership.Escaped | Ownership.Transferred | Ownership.Unknown)) == 0;
        }

        /// <summary>The same wrapper's <c>Client</c> (or <c>GetStream()</c>) was read before, in this body: it may have been closed or kept.</summary>
        private static bool InnerSocketUsedBefore(IOperation body, IPropertyReferenceOperation target, IOperation wrapper)
        {
            var text = wrapper.Syntax.ToString();
            foreach (var operation in body.Descendants())
            {
                if (operation.Syntax.SpanStart >= target.Syntax.SpanStart)
                {
                    continue;
                }

                var inner = operation switch
                {
                    IPropertyReferenceOperation { Property.Name: "Client" } read => read.Instance,
                    IInvocationOperation { TargetMethod.Name: "GetStream" } stream => stream.Instance,
                    _ => null,
                };
                if (inner is not null && inner.Syntax.ToString() == text)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
