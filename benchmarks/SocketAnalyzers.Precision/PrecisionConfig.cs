using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// The contents of precision.json: which tools run, with which .editorconfig options, and which of their rules are
    /// scored in which corpus area. Adding a tool or an area is a change to that file, not to code.
    /// </summary>
    internal sealed class PrecisionConfig
    {
        public List<ToolConfig> Tools { get; set; } = new();

        public List<AreaConfig> Areas { get; set; } = new();

        /// <summary>Reads a json file of the runners (comments allowed, property names in any case) into <typeparamref name="T"/>.</summary>
        public static T Load<T>(string path)
            where T : class =>
            JsonSerializer.Deserialize<T>(
                File.ReadAllText(path),
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidDataException(path + " is empty");
    }

    /// <summary>One analyzer package run in its own pass, with its options.</summary>
    internal sealed class ToolConfig
    {
        /// <summary>The name rows of the table use.</summary>
        public string Name { get; set; } = "";

        /// <summary>A NuGet package id referenced by the runner project, or "SocketAnalyzers" for ours.</summary>
        public string Package { get; set; } = "";

        /// <summary>Analyzer options (global .editorconfig keys), given to every file of the corpus.</summary>
        public Dictionary<string, string> Options { get; set; } = new();
    }

    /// <summary>A folder of benchmarks/corpus and the rules scored on it.</summary>
    internal sealed class AreaConfig
    {
        /// <summary>The folder name under benchmarks/corpus.</summary>
        public string Name { get; set; } = "";

        /// <summary>The heading printed above the area's table.</summary>
        public string Title { get; set; } = "";

        public List<RuleConfig> Rules { get; set; } = new();
    }

    /// <summary>A rule of a tool, and the marker kinds (our IDs) that count as true findings for it.</summary>
    internal sealed class RuleConfig
    {
        public string Tool { get; set; } = "";

        public string Id { get; set; } = "";

        /// <summary>Marker kinds this rule claims to find: a finding on a line marked with one of them is true.</summary>
        public List<string> Finds { get; set; } = new();
    }
}
