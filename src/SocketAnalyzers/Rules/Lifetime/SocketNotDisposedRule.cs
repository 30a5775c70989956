using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Flow;
using SocketAnalyzers.Flow.Tracking;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK201: a socket, TcpClient, TcpListener, UdpClient or owning NetworkStream made here is still owned on some
    /// normal path out of the body: not closed, returned, stored or handed to code that may keep it (see rules/SOCK201.md).
    /// Reported at the creation, with the end of the body as additional location.
    /// </summary>
    internal static class SocketNotDisposedRule
    {
        public static void Check(SocketFlowResult result, List<Diagnostic> diagnostics)
        {
            foreach (var origin in result.Objects)
            {
                if (origin.Kind is not (SocketOriginKind.Creation or SocketOriginKind.SummarizedCall or SocketOriginKind.HandedParameter)
                    || origin.Location is not { } location
                    || LifetimeFindings.Leak(result, origin) is not { } reason)
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.Create(
                    Descriptors.SocketNotDisposed,
                    location,
                    new[] { LifetimeFindings.ExitLocation(result) },
                    LifetimeFindings.DisplayName(origin),
                    reason));
            }
        }
    }
}
