using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Rules.Lifetime;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Runs the lifetime host analyzer keeping one rule: each checker's test class asserts its own ID only, the other
    /// IDs of the host are disabled.
    /// </summary>
    internal static class LifetimeVerifier
    {
        private static readonly string[] HostIds =
        {
            DiagnosticIds.SocketNotDisposed,
            DiagnosticIds.SocketLeakedOnException,
            DiagnosticIds.AcceptedSocketNotDisposed,
            DiagnosticIds.DisposedSocketEscapes,
        };

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<SocketLifetimeAnalyzer>.Diagnostic(id);

        public static Task VerifyAsync(string id, string source, params DiagnosticResult[] expected) =>
            VerifyAsync(id, source, editorConfig: null, expected);

        public static Task VerifyAsync(string id, string source, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketLifetimeAnalyzer>.CreateTest(source);
            foreach (var other in HostIds)
            {
                if (other != id)
                {
                    test.DisabledDiagnostics.Add(other);
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
