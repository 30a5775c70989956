using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK103: <c>Listen</c> on a stream socket that was never bound on any path.
    /// The verdict comes from the protocol table; see rules/SOCK103.md.
    /// </summary>
    internal sealed class ListenOnUnboundSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.ListenOnUnboundSocket;
    }
}
