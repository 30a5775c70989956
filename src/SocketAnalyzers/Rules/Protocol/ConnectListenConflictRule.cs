using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK104: <c>Connect</c> on a listening socket, or <c>Listen</c> on a connected one.
    /// The verdict comes from the protocol table; see rules/SOCK104.md.
    /// </summary>
    internal sealed class ConnectListenConflictRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.ConnectListenConflict;
    }
}
