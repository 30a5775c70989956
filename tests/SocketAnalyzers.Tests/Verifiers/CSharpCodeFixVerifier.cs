using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs an analyzer and a code fix: checks the diagnostics, the exact fixed code, FixAll (the library runs the
    /// fix-all providers on every fixable diagnostic) and that the fixed code compiles.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        public static Task VerifyFixAsync(string source, DiagnosticResult[] expected, string fixedSource, TestFramework framework = TestFramework.Net100)
        {
            var test = CreateTest(source, fixedSource, framework);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static Test CreateTest(string source, string fixedSource, TestFramework framework = TestFramework.Net100)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, ReferenceAssemblies = TestFrameworks.None };
            test.TestState.AdditionalReferences.AddRange(TestFrameworks.References(framework));
            DisableOtherCategories(test);
            return test;
        }

        /// <summary>
        /// A host analyzer reports several categories (the flow host: protocol and lifetime). A fix test asserts the
        /// diagnostics of its own category — before and after the fix, so a fix that introduces a new diagnostic of
        /// that category still fails — and ignores the others.
        /// </summary>
        private static void DisableOtherCategories(Test test)
        {
            var fixable = new TCodeFix().FixableDiagnosticIds;
            var supported = new TAnalyzer().SupportedDiagnostics;
            var categories = new System.Collections.Generic.HashSet<string>();
            foreach (var descriptor in supported)
            {
                if (fixable.Contains(descriptor.Id))
                {
                    categories.Add(descriptor.Category);
                }
            }

            foreach (var descriptor in supported)
            {
                if (!categories.Contains(descriptor.Category))
                {
                    test.DisabledDiagnostics.Add(descriptor.Id);
                }
            }
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test() => this.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Latest)));
        }
    }
}
