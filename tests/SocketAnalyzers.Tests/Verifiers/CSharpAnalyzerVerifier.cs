using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>Runs one analyzer on test code and compares its diagnostics with the markup. Files alias it <c>Verify</c>.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAsync(source, TestFramework.Net100, expected);

        public static Task VerifyAsync(string source, TestFramework framework, params DiagnosticResult[] expected)
        {
            var test = CreateTest(source, framework);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static Test CreateTest(string source, TestFramework framework = TestFramework.Net100)
        {
            var test = new Test { TestCode = source, ReferenceAssemblies = TestFrameworks.None };
            test.TestState.AdditionalReferences.AddRange(TestFrameworks.References(framework));
            return test;
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test() => this.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
        }
    }
}
