using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Counts, in source text, the words that may be identifiers of a given set of names: a scan of characters, much
    /// cheaper than a walk of the syntax nodes, for code that only needs to know where a name may be used. The counts
    /// are upper bounds of the identifiers with those names, never less: comments, strings and declarations count too,
    /// and spellings the scan cannot read as plain words (a <c>\u</c> escape, a formatting character inside an
    /// identifier, whose value differs from its text) are counted apart as <see cref="TreeWords.Irregular"/>, each
    /// possibly any name.
    /// </summary>
    internal sealed class SourceWords
    {
        private readonly Dictionary<int, List<int>> byHash = new Dictionary<int, List<int>>();
        private readonly IReadOnlyList<string> names;
        private readonly int minLength;
        private readonly int maxLength;

        public SourceWords(IReadOnlyList<string> names)
        {
            this.names = names;
            this.minLength = int.MaxValue;
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                this.minLength = System.Math.Min(this.minLength, name.Length);
                this.maxLength = System.Math.Max(this.maxLength, name.Length);
                var hash = Hash(name, 0, name.Length);
                if (!this.byHash.TryGetValue(hash, out var list))
                {
                    this.byHash.Add(hash, list = new List<int>());
                }

                list.Add(i);
            }
        }

        /// <summary>The words of one text: per name (its index in the names given), how often it may occur.</summary>
        public TreeWords Scan(SourceText text)
        {
            // A parsed tree's text is most often a string already: ToString() then returns it without a copy.
            var chars = text.ToString();
            var result = new TreeWords();
            var i = 0;
            while (i < chars.Length)
            {
                var c = chars[i];
                if (c == '\\' && i + 1 < chars.Length && chars[i + 1] is 'u' or 'U')
                {
                    // A Unicode escape: inside an identifier it spells a letter the scan does not see.
                    result.Irregular++;
                    i++;
                    continue;
                }

                if (!IsWordPart(c, out _))
                {
                    i++;
                    continue;
                }

                var start = i;
                var irregular = false;
                while (i < chars.Length && IsWordPart(chars[i], out var formatting))
                {
                    irregular |= formatting;
                    i++;
                }

                if (irregular)
                {
                    result.Irregular++;
                }
                else
                {
                    this.Match(chars, start, i - start, result);

                    // A number runs into the identifier after it (`1Handle` lexes as 1 and Handle): every tail counts.
                    if (chars[start] is >= '0' and <= '9')
                    {
                        for (var tail = start + 1; tail < i; tail++)
                        {
                            if (chars[tail] is not (>= '0' and <= '9'))
                            {
                                this.Match(chars, tail, i - tail, result);
                            }
                        }
                    }
                }
            }

            return result;
        }

        private void Match(string chars, int start, int length, TreeWords result)
        {
            if (length < this.minLength || length > this.maxLength || !this.byHash.TryGetValue(Hash(chars, start, length), out var candidates))
            {
                return;
            }

            foreach (var index in candidates)
            {
                var name = this.names[index];
                if (name.Length != length)
                {
                    continue;
                }

                var equal = true;
                for (var k = 0; k < length && equal; k++)
                {
                    equal = name[k] == chars[start + k];
                }

                if (equal)
                {
                    result.Add(index);
                }
            }
        }

        /// <summary>
        /// A character an identifier may contain: letters, digits, connectors, combining marks and formatting characters,
        /// the classes C# allows (a word never runs past the end of an identifier, so it never hides one); a surrogate ends
        /// a word, which at worst counts a longer identifier as its prefix. <paramref name="formatting"/> is set for a
        /// formatting character, which an identifier's value leaves out.
        /// </summary>
        private static bool IsWordPart(char c, out bool formatting)
        {
            formatting = false;
            if (c < 128)
            {
                return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark:
                    return true;
                case UnicodeCategory.Format:
                    formatting = true;
                    return true;
                default:
                    return false;
            }
        }

        private static int Hash(string chars, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var k = start; k < start + length; k++)
                {
                    hash = (hash ^ chars[k]) * 16777619;
                }

                return hash;
            }
        }
    }

    /// <summary>What <see cref="SourceWords.Scan"/> found in one text.</summary>
    internal sealed class TreeWords
    {
        /// <summary>Per name index: the words equal to it (absent: none).</summary>
        public Dictionary<int, int> Counts { get; } = new Dictionary<int, int>();

        /// <summary>Spellings that may be an identifier of any name (escapes, formatting characters).</summary>
        public int Irregular { get; set; }

        public void Add(int name) => this.Counts[name] = this.Counts.TryGetValue(name, out var count) ? count + 1 : 1;
    }
}
