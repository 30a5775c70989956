using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SocketAnalyzers.Rules;
using SocketAnalyzers.Rules.Protocol;

namespace SocketAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs the protocol host analyzer keeping only one of its diagnostic IDs, so that each rule's test class
    /// asserts its own rule. Files alias it <c>Verify</c> with the ID fixed: see <see cref="For"/>.
    /// </summary>
    public sealed class ProtocolRuleVerifier
    {
        private readonly string id;

        private ProtocolRuleVerifier(string id) => this.id = id;

        public static ProtocolRuleVerifier For(string id) => new ProtocolRuleVerifier(id);

        public DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<SocketFlowAnalyzer>.Diagnostic(this.id);

        public Task VerifyAsync(string source, params DiagnosticResult[] expected) => this.VerifyAsync(source, TestFramework.Net100, expected);

        public Task VerifyAsync(string source, TestFramework framework, params DiagnosticResult[] expected)
        {
            var test = CSharpAnalyzerVerifier<SocketFlowAnalyzer>.CreateTest(source, framework);
            foreach (var descriptor in new SocketFlowAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Id != this.id)
                {
                    test.DisabledDiagnostics.Add(descriptor.Id);
                }
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
