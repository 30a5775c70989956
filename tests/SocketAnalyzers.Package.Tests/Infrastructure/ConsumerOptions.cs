using System.Collections.Generic;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>What a consumer project has beyond the fresh console template plus the SocketAnalyzers package.</summary>
    public sealed class ConsumerOptions
    {
        /// <summary>MSBuild properties written into the project file (e.g. <c>["TreatWarningsAsErrors"] = "true"</c>).</summary>
        public Dictionary<string, string> Properties { get; } = new();

        /// <summary>More package references, id → version (e.g. <c>["Microsoft.Net.Compilers.Toolset"] = "4.14.0"</c>).</summary>
        public Dictionary<string, string> PackageReferences { get; } = new();

        /// <summary>Content of an <c>.editorconfig</c> beside the project, or null for none.</summary>
        public string? EditorConfig { get; set; }

        /// <summary>More files, path relative to the project folder → content (e.g. <c>Other.cs</c>, <c>.globalconfig</c>).</summary>
        public Dictionary<string, string> Files { get; } = new();

        /// <summary>An .editorconfig for all C# files, with the given lines under <c>[*.cs]</c>.</summary>
        public static string EditorConfigFor(params string[] lines) =>
            "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n";
    }
}
