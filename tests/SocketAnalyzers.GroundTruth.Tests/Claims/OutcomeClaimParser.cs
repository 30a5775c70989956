using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// Turns an outcome phrase into a <see cref="OutcomeClaim"/>. The grammar is small on purpose (README.md lists
    /// it); anything else throws <see cref="FormatException"/>, which fails the test that met the phrase.
    /// </summary>
    internal static class OutcomeClaimParser
    {
        private static readonly Regex Alternative = new(
            @"^(?:throws )?(?<type>[A-Za-z]+Exception)(?: (?<error>[A-Z][A-Za-z]+))?(?: \((?<qualifier>[^()]*)\))?$",
            RegexOptions.CultureInvariant);

        private static readonly Regex AutoBind = new(
            @"^succeeds on an ephemeral port of every interface, and (?<later>[A-Z][a-z]+) then throws (?<type>[A-Za-z]+Exception)(?: \(on Unix sockets(?: and Windows)?, (?<self>[A-Z][a-z]+) itself throws\))?$",
            RegexOptions.CultureInvariant);

        private static readonly Dictionary<string, Type> ExceptionTypes = new(StringComparer.Ordinal)
        {
            ["SocketException"] = typeof(SocketException),
            ["InvalidOperationException"] = typeof(InvalidOperationException),
            ["ObjectDisposedException"] = typeof(ObjectDisposedException),
            ["IOException"] = typeof(IOException),
            ["NotSupportedException"] = typeof(NotSupportedException),
            ["PlatformNotSupportedException"] = typeof(PlatformNotSupportedException),
        };

        public static OutcomeClaim Parse(string phrase)
        {
            var segments = phrase.Split("; ");
            if (segments.Length == 1 || !TrySplitSelector(segments[1], out _, out _))
            {
                return ParseSingle(phrase);
            }

            var overrides = ImmutableArray.CreateBuilder<(ClaimSelector, OutcomeClaim)>();
            for (var i = 1; i < segments.Length; i++)
            {
                if (!TrySplitSelector(segments[i], out var selector, out var claim))
                {
                    throw Unknown(phrase, $"\"{segments[i]}\" is not \"selector: claim\"");
                }

                overrides.Add((selector!, ParseSingle(claim!)));
            }

            return new SelectiveClaim(phrase, ParseSingle(segments[0]), overrides.ToImmutable());
        }

        private static bool TrySplitSelector(string segment, out ClaimSelector? selector, out string? claim)
        {
            selector = null;
            claim = null;
            var colon = segment.IndexOf(": ", System.StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            selector = ClaimSelector.TryParse(segment.Substring(0, colon));
            claim = segment.Substring(colon + 2);
            return selector is not null;
        }

        private static OutcomeClaim ParseSingle(string phrase)
        {
            if (phrase is "completes" or "throws nothing")
            {
                return new CompletesClaim(phrase);
            }

            if (phrase == "throws nothing, too late for its own Bind; on Linux it still makes the bound port shareable by a later socket that sets ReuseAddress")
            {
                return new LateReuseAddressClaim(phrase);
            }

            if (phrase == "blocks until its timeout" || phrase.StartsWith("blocks until its timeout: ", StringComparison.Ordinal))
            {
                return new BlocksClaim(phrase);
            }

            var autoBind = AutoBind.Match(phrase);
            if (autoBind.Success)
            {
                if (autoBind.Groups["self"].Success && autoBind.Groups["self"].Value != "Listen")
                {
                    throw Unknown(phrase, "only Listen binds itself implicitly");
                }

                var later = new ExpectedException(TypeOf(phrase, autoBind.Groups["type"].Value), null, Array.Empty<string>(), null);
                return new ListenAutoBindsClaim(phrase, autoBind.Groups["later"].Value, later, autoBind.Groups["self"].Success);
            }

            if (phrase.StartsWith("throws ", StringComparison.Ordinal) && !phrase.StartsWith("throws nothing", StringComparison.Ordinal))
            {
                return ParseThrows(phrase);
            }

            throw Unknown(phrase, "no form of the grammar matches");
        }

        private static ThrowsClaim ParseThrows(string phrase)
        {
            var parts = SplitAlternatives(phrase.Substring("throws ".Length));
            var alternatives = ImmutableArray.CreateBuilder<ExpectedException>(parts.Count);
            foreach (var part in parts)
            {
                var match = Alternative.Match(part);
                if (!match.Success)
                {
                    throw Unknown(phrase, $"\"{part}\" is not \"ExceptionType [SocketError] [(qualifier)]\"");
                }

                var type = TypeOf(phrase, match.Groups["type"].Value);
                var qualifiers = new List<string>();
                if (match.Groups["qualifier"].Success)
                {
                    foreach (var item in match.Groups["qualifier"].Value.Split(','))
                    {
                        qualifiers.Add(item.Trim());
                    }
                }

                SocketError? error = null;
                if (match.Groups["error"].Success)
                {
                    error = ErrorOf(phrase, match.Groups["error"].Value);
                }
                else if (type == typeof(SocketException) && qualifiers.Count > 0)
                {
                    error = ErrorOf(phrase, qualifiers[0]);
                    qualifiers.RemoveAt(0);
                }

                if (error is not null && type != typeof(SocketException))
                {
                    throw Unknown(phrase, "a SocketError goes with SocketException only");
                }

                // With several alternatives, the qualifier names the member each one is about; alone, it is message text.
                string? subject = null;
                if (parts.Count > 1)
                {
                    if (qualifiers.Count != 1)
                    {
                        throw Unknown(phrase, $"alternative \"{part}\" must name the member it is about, in parentheses");
                    }

                    subject = qualifiers[0];
                    qualifiers.Clear();
                }

                alternatives.Add(new ExpectedException(type, error, qualifiers.ToArray(), subject));
            }

            return new ThrowsClaim(phrase, alternatives.MoveToImmutable());
        }

        private static List<string> SplitAlternatives(string text)
        {
            var parts = new List<string>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
                if (depth == 0 && string.CompareOrdinal(text, i, " or ", 0, 4) == 0)
                {
                    parts.Add(text.Substring(start, i - start));
                    start = i + 4;
                }
            }

            parts.Add(text.Substring(start));
            return parts;
        }

        private static Type TypeOf(string phrase, string name) =>
            ExceptionTypes.TryGetValue(name, out var type) ? type : throw Unknown(phrase, $"unknown exception type {name}");

        private static SocketError ErrorOf(string phrase, string name) =>
            Enum.TryParse<SocketError>(name, ignoreCase: false, out var error) && Enum.IsDefined(error)
                ? error
                : throw Unknown(phrase, $"{name} is not a SocketError");

        private static FormatException Unknown(string phrase, string why) =>
            new($"Outcome phrase \"{phrase}\" cannot be checked: {why}. See tests/SocketAnalyzers.GroundTruth.Tests/README.md for the grammar.");
    }
}
