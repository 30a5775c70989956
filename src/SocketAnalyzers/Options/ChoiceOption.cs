using System;
using System.Collections.Immutable;

namespace SocketAnalyzers.Options
{
    /// <summary>One word out of a fixed set (<c>strict</c>, <c>relaxed</c>, <c>true</c>, …), compared case-insensitively.</summary>
    public sealed class ChoiceOption : SocketAnalyzerOption<string>
    {
        public ChoiceOption(string name, string description, string defaultValue, params string[] choices)
            : base(name, description, defaultValue) => this.Choices = ImmutableArray.Create(choices);

        public ImmutableArray<string> Choices { get; }

        public override string ValueSyntax => "one of " + string.Join(", ", this.Choices);

        public override string DefaultText => this.Default;

        public override bool TryParse(string raw, out string value, out string reason)
        {
            var trimmed = raw.Trim();
            foreach (var choice in this.Choices)
            {
                if (string.Equals(choice, trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    value = choice;
                    reason = string.Empty;
                    return true;
                }
            }

            value = this.Default;
            reason = "expected " + this.ValueSyntax;
            return false;
        }
    }
}
