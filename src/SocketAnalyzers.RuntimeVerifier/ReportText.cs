using System.Collections.Generic;
using System.Text;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>Wording shared by violation and leak reports.</summary>
    internal static class ReportText
    {
        public static string Kind(SocketApi api, SocketTransport transport) =>
            api == SocketApi.Socket && transport != SocketTransport.Unknown ? transport + " Socket" : api.ToString();

        public static void AppendHistory(StringBuilder text, IReadOnlyList<SocketAccess> history)
        {
            for (var i = 0; i < history.Count; i++)
            {
                var access = history[i];
                text.Append(i == 0 ? string.Empty : " -> ")
                    .Append(access.Site.Member).Append('@').Append(access.Site.Line).Append(':').Append(access.Site.Column)
                    .Append(" t").Append(access.ThreadId);
            }
        }
    }
}
