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

        /// <summary>
        /// Builds with the compiler of the Microsoft.Net.Compilers.Toolset package <paramref name="version"/> instead of
        /// the SDK's. The .NET 10 SDK puts its own compiler back (RoslynCompilerType=Core) unless the project names
        /// another compiler type; toolset packages from 5.x on set it themselves, 4.14.0 predates that. Without the
        /// property the build silently runs the SDK's compiler (a SARIF log's <see cref="SarifLog.ToolVersion"/> shows
        /// which one ran).
        /// </summary>
        public ConsumerOptions PinCompilerToolset(string version)
        {
            PackageReferences["Microsoft.Net.Compilers.Toolset"] = version;
            Properties["RoslynCompilerType"] = "Custom";
            return this;
        }

        /// <summary>An .editorconfig for all C# files, with the given lines under <c>[*.cs]</c>.</summary>
        public static string EditorConfigFor(params string[] lines) =>
            "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n";
    }
}
