using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.CodeFixes.Lifetime
{
    /// <summary>
    /// SOCK204: disposes the field in the type's Dispose (Dispose(bool) inside <c>if (disposing)</c> when the type has
    /// one), or implements IDisposable with a Dispose that does. No fix when the only disposal is DisposeAsync (making
    /// it async changes its shape) or Dispose lives in another part of a partial type.
    /// </summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(DisposeSocketFieldFix))]
    [Shared]
    public sealed class DisposeSocketFieldFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.SocketFieldNotDisposed + ".DisposeField";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SocketFieldNotDisposed);

        // Two fields of one type edit the same Dispose: the edits go through one editor per document, composed.
        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(FixAllProvider.Create(FixAllInDocumentAsync), EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null || root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (FieldDisposal.TryCreate(root, model, diagnostic, context.CancellationToken) is { } disposal)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Dispose '" + disposal.FieldName + "' in Dispose", token => ApplyAsync(context.Document, new[] { diagnostic }, token), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            ApplyAsync(document, diagnostics, context.CancellationToken)!;

        private static async Task<Document> ApplyAsync(Document document, System.Collections.Generic.IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var root = editor.OriginalRoot;
            var model = editor.SemanticModel;
            foreach (var diagnostic in diagnostics)
            {
                if (FieldDisposal.TryCreate(root, model, diagnostic, cancellationToken) is { } disposal)
                {
                    editor.ReplaceNode(disposal.Type, (current, _) => disposal.Apply((TypeDeclarationSyntax)current));
                }
            }

            return editor.GetChangedDocument();
        }
    }
}
