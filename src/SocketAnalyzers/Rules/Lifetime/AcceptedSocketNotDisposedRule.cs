using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK203: a connection returned by Accept, AcceptAsync, AcceptSocket or AcceptTcpClient is still owned on some
    /// normal path out of the body, including the next iteration of an accept loop (see rules/SOCK203.md). Handing
    /// it to a handler — a method that may keep it, a lambda that captures it, a collection — ends the obligation.
    /// </summary>
    internal static class AcceptedSocketNotDisposedRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            foreach (var origin in result.Objects)
            {
                if (origin.Kind != SocketOriginKind.Accepted
                    || origin.Location is not { } location
                    || LifetimeFindings.Leak(result, origin) is not { } reason)
                {
                    continue;
                }

                var accept = origin.Operation is IInvocationOperation invocation ? AcceptName(invocation) : LifetimeFindings.DisplayName(origin);
                diagnostics.Add(Diagnostic.Create(
                    Descriptors.AcceptedSocketNotDisposed,
                    location,
                    new[] { LifetimeFindings.ExitLocation(result) },
                    accept,
                    reason + LifetimeFindings.OwnerNote(origin)));
            }
        }

        /// <summary>The accepting member: for <c>FromAsync(BeginAccept…, EndAccept…)</c>, the End member that returns the connection.</summary>
        private static string AcceptName(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name == "FromAsync")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value is IDelegateCreationOperation { Target: IMethodReferenceOperation { Method.Name: { } name } } && name.StartsWith("EndAccept", System.StringComparison.Ordinal))
                    {
                        return name;
                    }
                }
            }

            return invocation.TargetMethod.Name;
        }
    }
}
