using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>
    /// The warning the generator gives instead of generating when the verifier cannot work in this compilation:
    /// SOCK001, the ID the package's build targets use for the same requirement (and for bad property values).
    /// </summary>
    internal static class RequirementDescriptors
    {
        public static readonly DiagnosticDescriptor LanguageVersionTooOld = new DiagnosticDescriptor(
            "SOCK001",
            "The runtime verifier cannot run in this project",
            "SocketAnalyzersRuntimeVerification is true, but the runtime verifier needs C# 11 or later, and the language version is '{0}': set LangVersion to 11 or later, or remove it; the verifier is off for this build (the analyzers still run)",
            "SocketConfiguration",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The interceptors the runtime verifier generates declare file-local types, a C# 11 feature.",
            helpLinkUri: SocketAnalyzers.Diagnostics.DocumentationLinks.RulesBase + "SOCK001.md",
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
