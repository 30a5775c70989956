extern alias generator;

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketInterceptorGenerator = generator::SocketAnalyzers.RuntimeVerifier.Generator.SocketInterceptorGenerator;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>
    /// The pipeline's values are plain records: an edit that touches no socket call reuses every call site and the
    /// generated file instead of rebuilding them (what keeps the IDE responsive with the verifier on).
    /// </summary>
    public sealed class GeneratorCachingTests
    {
        [Fact]
        public void EditElsewhere_ReusesEveryCallSite_AndTheOutput()
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var socketFile = CSharpSyntaxTree.ParseText(GeneratorSources.InstanceCalls, parse, "/0/Server.cs");
            var otherFile = CSharpSyntaxTree.ParseText("class Other { int Value() => 1; }", parse, "/0/Other.cs");
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { socketFile, otherFile },
                Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new SocketInterceptorGenerator().AsSourceGenerator() },
                parseOptions: parse,
                optionsProvider: new EnabledOptions(),
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            driver = driver.RunGenerators(compilation);

            var edited = compilation.ReplaceSyntaxTree(otherFile, otherFile.WithChangedText(SourceText.From("class Other { int Value() => 2; }")));
            var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

            var steps = second.TrackedSteps[SocketInterceptorGenerator.CallSitesStep].SelectMany(step => step.Outputs).ToArray();
            Assert.Equal(4, steps.Length);
            Assert.All(steps, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
            Assert.All(
                second.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
                output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }

        private sealed class EnabledOptions : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;

            private sealed class Options : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string key, out string value)
                {
                    value = "true";
                    return key == SocketInterceptorGenerator.EnableProperty;
                }
            }
        }
    }
}
