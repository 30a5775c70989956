extern alias generator;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SocketInterceptorGenerator = generator::SocketAnalyzers.RuntimeVerifier.Generator.SocketInterceptorGenerator;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>
    /// Runs the interceptor generator on test code, compares its exact output, and compiles the result against
    /// .NET 10 and the monitor assembly with interceptors enabled, so a generated file that does not compile fails.
    /// </summary>
    internal static class GeneratorVerifier
    {
        public const string HintName = "SocketAnalyzers.RuntimeVerifier.Interceptors.g.cs";

        private const string EnabledConfig = "is_global = true\nbuild_property.SocketAnalyzersRuntimeVerification = true\n";

        public static Task VerifyAsync(string source, string? expected, string globalConfig = EnabledConfig)
        {
            var test = new Test { TestCode = source, ReferenceAssemblies = new ReferenceAssemblies("net10.0") };
            test.TestState.AdditionalReferences.AddRange(ImmutableArray<MetadataReference>.CastUp(Basic.Reference.Assemblies.Net100.References.All.ToImmutableArray()));
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(SocketMonitor).Assembly.Location));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
            if (expected is not null)
            {
                test.TestState.GeneratedSources.Add((typeof(SocketInterceptorGenerator), HintName, expected.ReplaceLineEndings("\n")));
            }

            return test.RunAsync(CancellationToken.None);
        }

        private sealed class Test : CSharpSourceGeneratorTest<SocketInterceptorGenerator, DefaultVerifier>
        {
            public Test() => this.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest).WithFeatures(new[]
                {
                    new KeyValuePair<string, string>("InterceptorsNamespaces", "SocketAnalyzers.RuntimeVerifier.Generated"),
                })));
        }
    }
}
