using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Which calls can raise a <c>SocketException</c>, so that <c>catch (SocketException)</c> receives only the states
    /// of those. Every call may throw something; a socket error comes only from the network stack: socket members,
    /// code of this compilation (it may call them), and libraries outside the framework's non-network namespaces.
    /// </summary>
    internal static class ExceptionSources
    {
        private const string SocketExceptionName = "System.Net.Sockets.SocketException";

        /// <summary>Framework namespaces with no network I/O (collections, text, console, tasks, diagnostics…).</summary>
        private static readonly System.Collections.Generic.HashSet<string> NonNetworkNamespaces = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal)
        {
            "System",
            "System.Buffers",
            "System.Buffers.Binary",
            "System.Collections",
            "System.Collections.Concurrent",
            "System.Collections.Generic",
            "System.Collections.Immutable",
            "System.Diagnostics",
            "System.Globalization",
            "System.Linq",
            "System.Numerics",
            "System.Text",
            "System.Text.Json",
            "System.Text.RegularExpressions",
            "System.Threading",
            "System.Threading.Tasks",
        };

        /// <summary>False only for framework methods that do no network I/O.</summary>
        public static bool MayRaiseSocketException(IMethodSymbol? method)
        {
            if (method is null || !method.DeclaringSyntaxReferences.IsEmpty)
            {
                return true;
            }

            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return !NonNetworkNamespaces.Contains(ns);
        }

        /// <summary>A handler of <c>SocketException</c> or of a type derived from it.</summary>
        public static bool CatchesOnlySocketErrors(ITypeSymbol? caught)
        {
            // By name first: the display string (an allocation) only for a type called SocketException.
            for (var type = caught; type is not null; type = type.BaseType)
            {
                if (type.Name == "SocketException" && type.ToDisplayString() == SocketExceptionName)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
