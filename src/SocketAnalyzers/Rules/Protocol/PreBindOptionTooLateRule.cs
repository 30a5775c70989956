using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK108: ExclusiveAddressUse, DualMode or ReuseAddress set after the socket is bound on every path.
    /// The verdict comes from the protocol table; see rules/SOCK108.md.
    /// </summary>
    internal sealed class PreBindOptionTooLateRule : ProtocolRuleChecker
    {
        public override DiagnosticDescriptor Descriptor => Descriptors.PreBindOptionTooLate;
    }
}
