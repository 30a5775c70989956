using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// Picks, from a protocol entry's outcome (<c>main; selector: claim; …</c>, the grammar the ground-truth tests
    /// check), the claim that applies to this call: the last override whose selector matches the member and what is
    /// known of the socket's kind, else the main claim. A selector the analysis cannot decide (never-bound, unnamed
    /// Unix sockets) does not match, so the message never claims more than the table says for the general case.
    /// </summary>
    internal static class OutcomePhrases
    {
        private const string Separator = "; ";

        public static string For(string outcome, string member, SocketKind kind)
        {
            var parts = outcome.Split(new[] { Separator }, System.StringSplitOptions.None);
            var main = parts[0];
            string? chosen = null;
            for (var i = 1; i < parts.Length; i++)
            {
                var colon = parts[i].IndexOf(": ", System.StringComparison.Ordinal);
                if (colon < 0 || !TryMatch(parts[i].Substring(0, colon), member, kind, out var matches))
                {
                    // Not an override: the sentence goes on.
                    main += Separator + parts[i];
                    continue;
                }

                if (matches)
                {
                    chosen = parts[i].Substring(colon + 2);
                }
            }

            return chosen ?? main;
        }

        /// <summary>False when <paramref name="selector"/> is not a selector at all.</summary>
        private static bool TryMatch(string selector, string member, SocketKind kind, out bool matches)
        {
            matches = false;
            if (Qualifier(selector, kind) is { } alone)
            {
                matches = alone;
                return true;
            }

            var on = selector.IndexOf(" on ", System.StringComparison.Ordinal);
            var members = on < 0 ? selector : selector.Substring(0, on);
            bool? qualifier = on < 0 ? true : Qualifier(selector.Substring(on + 4), kind);
            if (qualifier is null)
            {
                return false;
            }

            var memberMatches = false;
            foreach (var name in members.Split(new[] { ", " }, System.StringSplitOptions.None))
            {
                if (!IsIdentifier(name))
                {
                    return false;
                }

                memberMatches |= member == name || member == name + "Async" || member == "Begin" + name;
            }

            matches = memberMatches && qualifier.Value;
            return true;
        }

        /// <summary>Whether a qualifier holds for <paramref name="kind"/>; false when unknown; null when it is no qualifier.</summary>
        private static bool? Qualifier(string text, SocketKind kind) => text switch
        {
            "Unix sockets" => kind.Family == SocketFamily.Unix,
            "IP sockets" => kind.Family is SocketFamily.IPv4 or SocketFamily.IPv6,
            "datagram sockets" => kind.Transport == SocketTransport.Datagram,
            "stream sockets" => kind.Transport == SocketTransport.Stream,
            "unnamed Unix sockets" or "never-bound sockets" => false,
            _ => null,
        };

        private static bool IsIdentifier(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
