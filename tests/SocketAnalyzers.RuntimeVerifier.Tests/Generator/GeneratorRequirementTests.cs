extern alias generator;

using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketInterceptorGenerator = generator::SocketAnalyzers.RuntimeVerifier.Generator.SocketInterceptorGenerator;

namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>
    /// The generated file needs C# 11 (file-local types). Below that the generator generates nothing and says why
    /// (SOCK001), instead of a CS8936 inside generated code; the package's build targets normally catch it first.
    /// </summary>
    public sealed class GeneratorRequirementTests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp10, "10.0")]
        [InlineData(LanguageVersion.CSharp9, "9.0")]
        [InlineData(LanguageVersion.CSharp7_3, "7.3")]
        public void LanguageVersionBelow11_GeneratesNothing_AndWarnsOnce(LanguageVersion version, string shown)
        {
            var result = Run(version, switchOn: true);

            Assert.Empty(result.GeneratedTrees);
            var warning = Assert.Single(result.Diagnostics);
            Assert.Equal("SOCK001", warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Equal(Location.None, warning.Location);
            Assert.Equal(
                $"SocketAnalyzersRuntimeVerification is true, but the runtime verifier needs C# 11 or later, and the language version is '{shown}': set LangVersion to 11 or later, or remove it; the verifier is off for this build (the analyzers still run)",
                warning.GetMessage(CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp11)]
        [InlineData(LanguageVersion.Default)]
        [InlineData(LanguageVersion.Latest)]
        public void LanguageVersion11OrLater_Generates_WithoutWarning(LanguageVersion version)
        {
            var result = Run(version, switchOn: true);

            Assert.Single(result.GeneratedTrees);
            Assert.Empty(result.Diagnostics);
        }

        [Fact]
        public void SwitchOff_OldLanguageVersion_SaysNothing()
        {
            var result = Run(LanguageVersion.CSharp10, switchOn: false);

            Assert.Empty(result.GeneratedTrees);
            Assert.Empty(result.Diagnostics);
        }

        private static GeneratorDriverRunResult Run(LanguageVersion version, bool switchOn)
        {
            var parse = new CSharpParseOptions(version);
            var tree = CSharpSyntaxTree.ParseText(SourceText.From(GeneratorSources.InstanceCalls), parse, "/0/Server.cs");
            var compilation = CSharpCompilation.Create(
                "Test",
                new[] { tree },
                Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var driver = CSharpGeneratorDriver.Create(
                new[] { new SocketInterceptorGenerator().AsSourceGenerator() },
                parseOptions: parse,
                optionsProvider: new SwitchOptions(switchOn));
            return driver.RunGenerators(compilation).GetRunResult();
        }

        private sealed class SwitchOptions : AnalyzerConfigOptionsProvider
        {
            public SwitchOptions(bool on) => this.GlobalOptions = new Options(on);

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => this.GlobalOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => this.GlobalOptions;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly bool on;

                public Options(bool on) => this.on = on;

                public override bool TryGetValue(string key, out string value)
                {
                    value = this.on ? "true" : "false";
                    return key == SocketInterceptorGenerator.EnableProperty;
                }
            }
        }
    }
}
