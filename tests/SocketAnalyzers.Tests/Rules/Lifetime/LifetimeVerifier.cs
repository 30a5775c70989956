using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Rules.Lifetime;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Runs the flow host analyzer keeping one lifetime rule: each checker's test class asserts its own ID only, every
    /// other ID of the host (protocol rules included) is disabled.
    /// </summary>
    internal static class LifetimeVerifier
    {
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(id);

        public static Task VerifyAsync(string id, string source, params DiagnosticResult[] expected) =>
            VerifyAsync(id, source, editorConfig: null, expected);

        public static Task VerifyAsync(string id, string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(source);
            foreach (var descriptor in new SocketFlowAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Id != id)
                {
                    test.DisabledDiagnostics.Add(descriptor.Id);
                }
            }

            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
