using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK101: <c>Listen</c> on a socket that is a datagram socket on every path: it throws whatever its state.
    /// The fact relied on is the kind, fixed at construction: the creations are the additional locations.
    /// See rules/SOCK101.md.
    /// </summary>
    internal sealed class ListenOnDatagramSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.ListenOnDatagramSocket;

        protected override string DescribeState(ProtocolStep step, SocketValue before, SocketFlowResultView result)
        {
            // "a datagram socket (SocketType.Dgram)" when every creation says so in the same words.
            string? written = null;
            foreach (var id in step.Objects)
            {
                var display = result.Origin(id).Operation is IObjectCreationOperation { Arguments.Length: 3 or 2 } creation
                    ? SocketArguments.Display(creation, creation.Arguments.Length - 2)
                    : null;
                if (display is null || (written is not null && written != display))
                {
                    return "a datagram socket";
                }

                written = display;
            }

            return written is null ? "a datagram socket" : "a datagram socket (" + written + ")";
        }

        protected override void AddEvidence(ProtocolStep step, SocketValue before, SocketFlowResultView result, List<Location> locations)
        {
            foreach (var id in step.Objects)
            {
                AddOnce(locations, result.Origin(id).Location);
            }
        }
    }
}
