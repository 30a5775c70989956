using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Precision
{
    /// <summary>The same analyzer options for every file: what a global .editorconfig with these keys gives.</summary>
    internal sealed class FixedOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public FixedOptionsProvider(IReadOnlyDictionary<string, string> values)
        {
            this.options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => this.options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values)
            {
                // .editorconfig keys are case-insensitive (Roslyn compares them with KeyComparer).
                this.values = new Dictionary<string, string>(KeyComparer);
                foreach (var pair in values)
                {
                    this.values[pair.Key] = pair.Value;
                }
            }

            public override IEnumerable<string> Keys => this.values.Keys;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => this.values.TryGetValue(key, out value);
        }
    }
}
