using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SocketAnalyzers.CodeFixes.FixAll
{
    /// <summary>
    /// The FixAll of a provider that offers one kind of action (one equivalence key): it fixes every diagnostic that
    /// action fixes, whatever key the host asks with. A host computes the key from one diagnostic before FixAll, and
    /// that diagnostic need not be one the provider fixes: <c>dotnet format analyzers</c> takes the first diagnostic
    /// its analyzer run returned for the whole analyzer (every ID the analyzer reports, not only the ID being fixed),
    /// and passes a null key when the provider offered nothing for it. The Batch fixer then matches no action and
    /// returns no FixAll ("didn't return a Fix All action"), so <c>--diagnostics</c> with several IDs left fixable
    /// diagnostics behind depending on which one came first. With one key per provider, any other key can only mean
    /// "this provider's action".
    /// </summary>
    internal sealed class OneActionFixAllProvider : FixAllProvider
    {
        private readonly FixAllProvider inner;
        private readonly string equivalenceKey;

        private OneActionFixAllProvider(FixAllProvider inner, string equivalenceKey)
        {
            this.inner = inner;
            this.equivalenceKey = equivalenceKey;
        }

        /// <summary><paramref name="inner"/> (the Batch fixer, or a custom FixAll), asked always with <paramref name="equivalenceKey"/>.</summary>
        public static FixAllProvider For(FixAllProvider inner, string equivalenceKey) => new OneActionFixAllProvider(inner, equivalenceKey);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => this.inner.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // Several providers may fix one ID (SOCK301: the awaited counterpart, the connect after construction), and
            // `dotnet format analyzers` asks each of them: one with nothing to fix in the scope answers with a no-op
            // rather than no action, which the host would report as "Unable to fix" although the other fixed it all.
            return await this.FixAsync(fixAllContext).ConfigureAwait(false)
                ?? CodeAction.Create(this.equivalenceKey, _ => Task.FromResult(fixAllContext.Solution), this.equivalenceKey);
        }

        private Task<CodeAction?> FixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey == this.equivalenceKey)
            {
                return this.inner.GetFixAsync(fixAllContext);
            }

            var diagnostics = new ForwardingDiagnosticProvider(fixAllContext);
            var rekeyed = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, this.equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, this.equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
            return this.inner.GetFixAsync(rekeyed);
        }

        /// <summary>The host's own diagnostics (already filtered to the IDs being fixed), handed on unchanged.</summary>
        private sealed class ForwardingDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext original;

            public ForwardingDiagnosticProvider(FixAllContext original) => this.original = original;

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                await this.original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await this.original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                await this.original.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
        }
    }
}
