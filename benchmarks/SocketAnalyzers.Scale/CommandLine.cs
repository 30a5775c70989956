using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// The arguments after the mode: positional values, <c>--flag</c>s, <c>--name value</c> options and list options
    /// (<c>--name v1 v2 …</c>, repeatable: every following argument up to the next option, so a glob the shell
    /// expanded stays together).
    /// </summary>
    internal sealed class CommandLine
    {
        private readonly List<string> positional = new();
        private readonly HashSet<string> flags = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> lists = new(StringComparer.Ordinal);

        /// <param name="args">The arguments after the mode.</param>
        /// <param name="valued">The options that take a value (the others are flags).</param>
        public CommandLine(IReadOnlyList<string> args, params string[] valued)
            : this(args, valued, Array.Empty<string>())
        {
        }

        /// <param name="args">The arguments after the mode.</param>
        /// <param name="valued">The options that take one value.</param>
        /// <param name="listed">The options that take one or more values.</param>
        public CommandLine(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> listed)
        {
            for (var i = 0; i < args.Count; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    this.positional.Add(args[i]);
                }
                else if (listed.Contains(args[i]))
                {
                    var option = args[i];
                    if (!this.lists.TryGetValue(option, out var list))
                    {
                        this.lists[option] = list = new List<string>();
                    }

                    var before = list.Count;
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        list.Add(args[++i]);
                    }

                    if (list.Count == before)
                    {
                        throw new ArgumentException(option + " needs a value");
                    }
                }
                else if (valued.Contains(args[i]))
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new ArgumentException(args[i] + " needs a value");
                    }

                    this.values[args[i]] = args[++i];
                }
                else
                {
                    this.flags.Add(args[i]);
                }
            }
        }

        public IReadOnlyList<string> Positional => this.positional;

        public bool Has(string flag) => this.flags.Contains(flag);

        public string? Value(string option) => this.values.TryGetValue(option, out var value) ? value : null;

        /// <summary>Every value of a list option, in order (empty when it is absent).</summary>
        public IReadOnlyList<string> List(string option) => this.lists.TryGetValue(option, out var list) ? list : Array.Empty<string>();

        public int Int(string option, int fallback) =>
            this.Value(option) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        public IReadOnlyList<int> Ints(string option, IReadOnlyList<int> fallback) =>
            this.Value(option) is { } text
                ? text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList()
                : fallback;
    }
}
