using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Every analyzer is loadable by the compiler, reports only the central descriptors and is configured as the house style asks.</summary>
    public sealed class AnalyzerShapeTests
    {
        public static TheoryData<string> AnalyzerNames => AnalyzerCatalog.AnalyzerNames;

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Analyzer_IsLoadable_AndReportsOnlyCentralDescriptors(string name)
        {
            var type = AnalyzerCatalog.AnalyzerTypes.Single(analyzer => analyzer.Name == name);
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.True(attribute is not null, $"{name} has no [DiagnosticAnalyzer]: the compiler would never load it.");
            Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
            Assert.True(type.IsPublic && type.IsSealed, $"{name} should be public and sealed.");
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            Assert.NotEmpty(analyzer.SupportedDiagnostics);
            Assert.All(analyzer.SupportedDiagnostics, descriptor => Assert.Contains(descriptor, AnalyzerCatalog.Descriptors));
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Analyzer_RunsConcurrently_SkipsGeneratedCode_AndRegistersWork(string name)
        {
            // Generated code is skipped: the runtime verifier's interceptors are generated, and users cannot fix generated code.
            var context = new RecordingAnalysisContext();
            ((DiagnosticAnalyzer)Activator.CreateInstance(AnalyzerCatalog.AnalyzerTypes.Single(analyzer => analyzer.Name == name))!).Initialize(context);
            Assert.True(context.ConcurrentExecutionEnabled, $"{name} does not enable concurrent execution.");
            Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCodeFlags);
            Assert.True(context.Registrations > 0, $"{name} registers no action.");
        }
    }
}
