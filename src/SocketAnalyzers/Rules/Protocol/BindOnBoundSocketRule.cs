using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK107: <c>Bind</c> on a socket that is already bound, listening or connected on every path.
    /// The verdict comes from the protocol table; see rules/SOCK107.md.
    /// </summary>
    internal sealed class BindOnBoundSocketRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.BindOnBoundSocket;
    }
}
