using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Options
{
    /// <summary>
    /// Reads <c>socket_analyzers.*</c> values for one compilation: the tree's .editorconfig section first, then the
    /// global config. Each (tree, key) is parsed once and cached for the compilation. A value that cannot be read
    /// gives the option's default here; SOCK001 (<see cref="InvalidConfigurationAnalyzer"/>) reports it once.
    /// </summary>
    internal sealed class OptionsReader
    {
        private readonly AnalyzerConfigOptionsProvider provider;
        private readonly ConcurrentDictionary<(SyntaxTree? Tree, SocketAnalyzerOption Option), object?> cache = new();

        public OptionsReader(AnalyzerOptions options) => this.provider = options.AnalyzerConfigOptionsProvider;

        /// <summary>The value of <paramref name="option"/> for code in <paramref name="tree"/> (global when null).</summary>
        public T Get<T>(SocketAnalyzerOption<T> option, SyntaxTree? tree)
        {
            var key = (tree, (SocketAnalyzerOption)option);
            if (!this.cache.TryGetValue(key, out var value))
            {
                value = this.cache.GetOrAdd(key, this.Read(option, tree));
            }

            return value is T typed ? typed : option.Default;
        }

        /// <summary>The raw text of a key, tree options first, then global; null when absent.</summary>
        public string? GetRaw(SocketAnalyzerOption option, SyntaxTree? tree)
        {
            if (tree is not null && this.provider.GetOptions(tree).TryGetValue(option.Key, out var local))
            {
                return local;
            }

            return this.provider.GlobalOptions.TryGetValue(option.Key, out var global) ? global : null;
        }

        private object? Read<T>(SocketAnalyzerOption<T> option, SyntaxTree? tree) =>
            this.GetRaw(option, tree) is { } raw && option.TryParse(raw, out var value, out _) ? value : option.Default;
    }
}
