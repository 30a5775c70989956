using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK111: <c>GetStream</c> or <c>new NetworkStream</c> over a socket that is not connected on every path.
    /// The verdict comes from the protocol table; see rules/SOCK111.md.
    /// </summary>
    internal sealed class StreamOnUnconnectedSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.StreamOnUnconnectedSocket;

        // What matters here is the missing peer: a fresh socket is "not connected" rather than "unbound".
        protected override string DescribeState(ProtocolStep step, SocketValue before, SocketFlowResultView result) =>
            StateDescriptions.Describe(before, "not connected");
    }
}
