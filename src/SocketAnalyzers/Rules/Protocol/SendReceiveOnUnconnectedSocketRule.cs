using Microsoft.CodeAnalysis;
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
    }
}
