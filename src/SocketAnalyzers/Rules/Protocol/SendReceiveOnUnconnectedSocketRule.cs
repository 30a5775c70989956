using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK105: Send or receive on a socket with no peer on every path (unconnected stream, datagram without default remote, send side shut down).
    /// The verdict comes from the protocol table; see rules/SOCK105.md.
    /// </summary>
    internal sealed class SendReceiveOnUnconnectedSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.SendReceiveOnUnconnectedSocket;

        // A fresh stream socket lacks a peer ("not connected"); a fresh datagram socket lacks an address nothing can reach ("unbound").
        protected override string DescribeState(ProtocolStep step, SocketValue before, SocketFlowResultView result) =>
            StateDescriptions.Describe(before, before.Kind.Transport == SocketAnalyzers.Protocol.SocketTransport.Datagram ? "unbound" : "not connected");
    }
}
