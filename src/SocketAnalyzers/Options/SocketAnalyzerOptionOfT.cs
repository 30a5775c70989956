namespace SocketAnalyzers.Options
{
    /// <summary>An option whose value has the type <typeparamref name="T"/>.</summary>
    public abstract class SocketAnalyzerOption<T> : SocketAnalyzerOption
    {
        private protected SocketAnalyzerOption(string name, string description, T defaultValue)
            : base(name, description) => this.Default = defaultValue;

        /// <summary>The value used when the key is absent or its value cannot be read.</summary>
        public T Default { get; }

        /// <summary>Reads <paramref name="raw"/>; never throws.</summary>
        public abstract bool TryParse(string raw, out T value, out string reason);

        public sealed override bool IsValid(string raw, out string reason) => this.TryParse(raw, out _, out reason);
    }
}
