using Microsoft.CodeAnalysis;
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
    }
}
