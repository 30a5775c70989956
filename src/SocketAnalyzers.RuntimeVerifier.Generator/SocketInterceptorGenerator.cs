using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>
    /// Emits a C# interceptor for every call site of a socket member the protocol model knows, so that the runtime
    /// verifier (SocketAnalyzers.RuntimeVerifier) sees each call with its file, line and column. Generates nothing
    /// unless the project sets <c>SocketAnalyzersRuntimeVerification</c> to <c>true</c>. See docs/runtime-verifier.md.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SocketInterceptorGenerator : IIncrementalGenerator
    {
        /// <summary>The MSBuild property that turns the verifier on (made visible by the package's build props).</summary>
        public const string EnableProperty = "build_property.SocketAnalyzersRuntimeVerification";

        /// <summary>The pipeline step producing the call-site records, named so that tests can check its caching.</summary>
        public const string CallSitesStep = "CallSites";

        private const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var settings = context.AnalyzerConfigOptionsProvider.Select(static (provider, _) =>
            {
                var options = provider.GlobalOptions;
                var enabled = options.TryGetValue(EnableProperty, out var value)
                    && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
                options.TryGetValue(ProjectDirectoryProperty, out var directory);
                return new GeneratorSettings(enabled, directory);
            });

            // The generated file declares file-local types (C# 11). The package's build targets already keep the
            // generator away from an older language version; this covers a version set where they cannot see it.
            var languageVersion = context.ParseOptionsProvider.Select(static (options, _) =>
                options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Default);

            var sites = context.SyntaxProvider
                .CreateSyntaxProvider(static (node, _) => CallSiteReader.IsCandidate(node), CallSiteReader.Read)
                .Where(static site => site is not null)
                .Select(static (site, _) => site!)
                .WithTrackingName(CallSitesStep)
                .Collect();

            context.RegisterSourceOutput(sites.Combine(settings).Combine(languageVersion), static (output, input) =>
            {
                var ((collected, options), version) = input;
                if (!options.Enabled)
                {
                    return;
                }

                if (version.MapSpecifiedToEffectiveVersion() < LanguageVersion.CSharp11)
                {
                    output.ReportDiagnostic(Diagnostic.Create(RequirementDescriptors.LanguageVersionTooOld, Location.None, version.ToDisplayString()));
                    return;
                }

                if (collected.IsEmpty)
                {
                    return;
                }

                output.AddSource(InterceptorWriter.HintName, InterceptorWriter.Write(collected, options.ProjectDirectory));
            });
        }
    }
}
