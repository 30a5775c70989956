using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;

namespace SocketAnalyzers.Options
{
    /// <summary>
    /// Every <c>socket_analyzers.*</c> key. Adding a key is adding one <c>public static readonly</c> field here:
    /// <see cref="All"/> finds it, SOCK001 validates it, and <see cref="OptionsReader"/> reads it.
    /// Document each key in docs/configuration.md, section "socket_analyzers options".
    /// </summary>
    public static class SocketAnalyzerOptions
    {
        /// <summary>SOCK303: attributes (full type names) that mark a method as a hot path.</summary>
        public static readonly NameListOption HotPathAttributes = new NameListOption(
            "hot_path_attributes",
            "Attributes (full type names) that mark a method as a hot path for SOCK303.");

        /// <summary>SOCK303: methods (<c>Type.Method</c>, or a bare method name) that are hot paths.</summary>
        public static readonly NameListOption HotPathMethods = new NameListOption(
            "hot_path_methods",
            "Methods treated as hot paths for SOCK303: Namespace.Type.Method, or a method name alone for every method of that name.");

        /// <summary>
        /// SOCK201/SOCK203: what passing an owned socket to a method the analysis cannot see does. <c>transfer</c> (the
        /// default, precision first): the callee may keep it, the caller is done. <c>keep</c>: the caller still owns it.
        /// </summary>
        public static readonly ChoiceOption UnknownCallOwnership = new ChoiceOption(
            "unknown_call_ownership",
            "For SOCK201/SOCK203: a socket passed to a method the analysis cannot see is handed off (transfer, the default) or stays the caller's to dispose (keep, stricter).",
            "transfer",
            "transfer",
            "keep");

        /// <summary>Every declared option, ordered by key.</summary>
        public static ImmutableArray<SocketAnalyzerOption> All => Registry.Options;

        // A nested type, so the fields above are initialized before the reflection below reads them.
        private static class Registry
        {
            public static readonly ImmutableArray<SocketAnalyzerOption> Options = Collect();

            private static ImmutableArray<SocketAnalyzerOption> Collect()
            {
                var options = new List<SocketAnalyzerOption>();
                foreach (var field in typeof(SocketAnalyzerOptions).GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (field.GetValue(null) is SocketAnalyzerOption option)
                    {
                        options.Add(option);
                    }
                }

                options.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                return options.ToImmutableArray();
            }
        }
    }
}
