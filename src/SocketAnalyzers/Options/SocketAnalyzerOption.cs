namespace SocketAnalyzers.Options
{
    /// <summary>
    /// One <c>socket_analyzers.*</c> key of .editorconfig or a global config file: its name, its default, and how a
    /// raw value is read. Declared once, as a field of <see cref="SocketAnalyzerOptions"/>.
    /// </summary>
    public abstract class SocketAnalyzerOption
    {
        /// <summary>The prefix every key shares.</summary>
        public const string Prefix = "socket_analyzers.";

        private protected SocketAnalyzerOption(string name, string description)
        {
            this.Key = Prefix + name;
            this.Description = description;
        }

        /// <summary>The full key, e.g. <c>socket_analyzers.hot_path_attributes</c>.</summary>
        public string Key { get; }

        /// <summary>One sentence for docs/configuration.md.</summary>
        public string Description { get; }

        /// <summary>The accepted values, for documentation and for the SOCK001 message.</summary>
        public abstract string ValueSyntax { get; }

        /// <summary>The default, as it would be written in .editorconfig.</summary>
        public abstract string DefaultText { get; }

        /// <summary>Whether <paramref name="raw"/> can be read; when not, <paramref name="reason"/> says why.</summary>
        public abstract bool IsValid(string raw, out string reason);
    }
}
