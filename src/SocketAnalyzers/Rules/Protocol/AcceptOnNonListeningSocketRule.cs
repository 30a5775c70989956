using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK102: <c>Accept</c> (any form) on a socket that is not listening on any path.
    /// The verdict comes from the protocol table; see rules/SOCK102.md.
    /// </summary>
    internal sealed class AcceptOnNonListeningSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.AcceptOnNonListeningSocket;
    }
}
