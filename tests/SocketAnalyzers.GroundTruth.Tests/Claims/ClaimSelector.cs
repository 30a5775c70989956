using System;
using System.Collections.Immutable;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// Which calls an override of a claim is about: "SendFile", "ReceiveFromAsync, ReceiveMessageFromAsync on
    /// never-bound sockets", "Unix sockets". A member name matches the member itself and its Async/Begin forms.
    /// </summary>
    internal sealed class ClaimSelector
    {
        private ClaimSelector(ImmutableArray<string> members, string? qualifier)
        {
            this.Members = members;
            this.Qualifier = qualifier;
        }

        public ImmutableArray<string> Members { get; }

        /// <summary>"Unix sockets", "unnamed Unix sockets", "IP sockets", "datagram sockets", "stream sockets" or "never-bound sockets".</summary>
        public string? Qualifier { get; }

        public static ClaimSelector? TryParse(string text)
        {
            var members = ImmutableArray<string>.Empty;
            string? qualifier = text;
            var on = text.IndexOf(" on ", StringComparison.Ordinal);
            if (!IsQualifier(text))
            {
                var names = on < 0 ? text : text.Substring(0, on);
                qualifier = on < 0 ? null : text.Substring(on + 4);
                foreach (var name in names.Split(", "))
                {
                    if (name.Length == 0 || !char.IsUpper(name[0]) || name.Contains(' '))
                    {
                        return null;
                    }

                    members = members.Add(name);
                }
            }

            return qualifier is null || IsQualifier(qualifier) ? new ClaimSelector(members, qualifier) : null;
        }

        public bool Matches(string member, SocketKind kind, bool neverBound)
        {
            if (!this.Members.IsEmpty && !this.Members.Contains(member) && !this.Members.Contains(Normalize(member)))
            {
                return false;
            }

            return this.Qualifier switch
            {
                null => true,
                "Unix sockets" => kind.Family == SocketFamily.Unix,
                "IP sockets" => kind.Family is SocketFamily.IPv4 or SocketFamily.IPv6,
                "datagram sockets" => kind.Transport == SocketTransport.Datagram,
                "stream sockets" => kind.Transport == SocketTransport.Stream,
                "unnamed Unix sockets" => kind.Family == SocketFamily.Unix && neverBound,
                _ => neverBound,
            };
        }

        private static bool IsQualifier(string text) =>
            text is "Unix sockets" or "unnamed Unix sockets" or "IP sockets" or "datagram sockets" or "stream sockets" or "never-bound sockets";

        /// <summary>BeginSend → Send, SendFileAsync → SendFile.</summary>
        private static string Normalize(string member)
        {
            if (member.StartsWith("Begin", StringComparison.Ordinal))
            {
                member = member.Substring(5);
            }

            return member.EndsWith("Async", StringComparison.Ordinal) ? member.Substring(0, member.Length - 5) : member;
        }
    }
}
