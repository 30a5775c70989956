using System.Collections.Immutable;

namespace SocketAnalyzers.Options
{
    /// <summary>
    /// A comma-separated list of dotted names (<c>MyApp.HotPathAttribute, Other.Tick</c>). Empty entries are skipped;
    /// an entry that is not a dotted identifier makes the whole value invalid.
    /// </summary>
    public sealed class NameListOption : SocketAnalyzerOption<ImmutableArray<string>>
    {
        public NameListOption(string name, string description)
            : base(name, description, ImmutableArray<string>.Empty)
        {
        }

        public override string ValueSyntax => "a comma-separated list of names (Namespace.Type or Namespace.Type.Member)";

        public override string DefaultText => "(empty)";

        public override bool TryParse(string raw, out ImmutableArray<string> value, out string reason)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            foreach (var part in raw.Split(','))
            {
                var name = part.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (!IsDottedName(name))
                {
                    value = this.Default;
                    reason = "'" + name + "' is not a name; expected " + this.ValueSyntax;
                    return false;
                }

                names.Add(name);
            }

            value = names.ToImmutable();
            reason = string.Empty;
            return true;
        }

        private static bool IsDottedName(string name)
        {
            var startOfPart = true;
            foreach (var c in name)
            {
                if (c == '.')
                {
                    if (startOfPart)
                    {
                        return false;
                    }

                    startOfPart = true;
                    continue;
                }

                var ok = startOfPart ? char.IsLetter(c) || c == '_' : char.IsLetterOrDigit(c) || c == '_' || c == '`';
                if (!ok)
                {
                    return false;
                }

                startOfPart = false;
            }

            return !startOfPart;
        }
    }
}
