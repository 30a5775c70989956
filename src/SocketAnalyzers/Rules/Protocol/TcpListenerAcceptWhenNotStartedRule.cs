using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK110: A TcpListener accept (or <c>Pending</c>) before <c>Start</c> or after <c>Stop</c> on every path.
    /// The verdict comes from the protocol table; see rules/SOCK110.md.
    /// </summary>
    internal sealed class TcpListenerAcceptWhenNotStartedRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.TcpListenerAcceptWhenNotStarted;
    }
}
