using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK106: An operation on a socket, TcpClient, UdpClient or NetworkStream that is closed on every path.
    /// The verdict comes from the protocol table; see rules/SOCK106.md.
    /// </summary>
    internal sealed class UseAfterCloseRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.UseAfterClose;
    }
}
