using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// The method-level lifetime rules on one flow result: SOCK201, SOCK202 and SOCK203 read the tracked values'
    /// ownership at the exits. SOCK205 needs no flow and runs from the host (<see cref="DisposedSocketEscapesRule"/>).
    /// </summary>
    internal static class LifetimeRuleDispatcher
    {
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            SocketAnalyzers.Diagnostics.Descriptors.SocketNotDisposed,
            SocketAnalyzers.Diagnostics.Descriptors.SocketLeakedOnException,
            SocketAnalyzers.Diagnostics.Descriptors.AcceptedSocketNotDisposed,
            SocketAnalyzers.Diagnostics.Descriptors.DisposedSocketEscapes);

        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            SocketNotDisposedRule.Check(result, diagnostics);
            SocketLeakedOnExceptionRule.Check(result, diagnostics);
            AcceptedSocketNotDisposedRule.Check(result, diagnostics);
            SocketFieldLeakedByConstructorRule.Check(result, diagnostics);
            SocketFieldReplacedWhileOpenRule.Check(result, diagnostics, System.Threading.CancellationToken.None);
            InnerSocketDroppedRule.Check(result, diagnostics);
            SocketClosedOnlyWhileConnectedRule.Check(result, diagnostics, System.Threading.CancellationToken.None);
            SocketFieldClosedOnlyUnderFlagRule.Check(result, diagnostics, System.Threading.CancellationToken.None);
            foreach (var nested in result.Nested)
            {
                // A nested function that ran out of budget knows nothing for sure.
                if (nested.IsComplete)
                {
                    Check(nested, diagnostics);
                }
            }
        }
    }
}
