using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SocketAnalyzers.Scale
{
    /// <summary>The arguments after the mode: positional values, <c>--flag</c>s and <c>--name value</c> options.</summary>
    internal sealed class CommandLine
    {
        private readonly List<string> positional = new();
        private readonly HashSet<string> flags = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        /// <param name="args">The arguments after the mode.</param>
        /// <param name="valued">The options that take a value (the others are flags).</param>
        public CommandLine(IReadOnlyList<string> args, params string[] valued)
        {
            for (var i = 0; i < args.Count; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    this.positional.Add(args[i]);
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

        public int Int(string option, int fallback) =>
            this.Value(option) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        public IReadOnlyList<int> Ints(string option, IReadOnlyList<int> fallback) =>
            this.Value(option) is { } text
                ? text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList()
                : fallback;
    }
}
