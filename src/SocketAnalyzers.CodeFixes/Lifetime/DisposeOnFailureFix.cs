using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.CodeFixes.Lifetime
{
    /// <summary>
    /// SOCK202: the idiomatic factory pattern. The statements after the declaration, up to the one that hands the
    /// socket off (return, store) or to the end of the block, go into <c>try { … } catch { x.Dispose(); throw; }</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisposeOnFailureFix))]
    [Shared]
    public sealed class DisposeOnFailureFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK202.DisposeOnFailure";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SocketLeakedOnException);

        // Each fix restructures the statements after its own declaration: two in one block would overlap, so FixAll
        // applies them one by one, from the last declaration up.
        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(FixAllProvider.Create(FixAllInDocumentAsync), EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (OwnedLocal.Find(root, model, diagnostic, context.CancellationToken) is { } local && Protected(local) is { Count: > 0 })
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Dispose '" + local.Name + "' if an operation throws", token => ApplyAsync(context.Document, diagnostic, token), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            // Bottom-up: a later declaration's edit leaves earlier spans where they were.
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is null)
                {
                    continue;
                }

                document = await ApplyAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            }

            return document;
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || OwnedLocal.Find(root, model, diagnostic, cancellationToken) is not { } local
                || Protected(local) is not { Count: > 0 } guarded)
            {
                return document;
            }

            var block = local.Block;
            var first = block.Statements.IndexOf(guarded[0]);
            var catchBody = SyntaxFactory.Block(
                SyntaxFactory.ParseStatement(local.Name + ".Dispose();"),
                SyntaxFactory.ThrowStatement());
            var tryStatement = SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(guarded.Select(s => s.WithoutLeadingTrivia().WithLeadingTrivia(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))))),
                    SyntaxFactory.SingletonList(SyntaxFactory.CatchClause().WithBlock(catchBody)),
                    null)
                .WithLeadingTrivia(guarded[0].GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var statements = block.Statements.Take(first)
                .Append(tryStatement)
                .Concat(block.Statements.Skip(first + guarded.Count));
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(statements))));
        }

        /// <summary>The statements after the declaration up to the first that returns or stores the local (or all).</summary>
        private static List<StatementSyntax> Protected(OwnedLocal local)
        {
            var statements = local.Block.Statements;
            var result = new List<StatementSyntax>();
            var i = statements.IndexOf(local.Statement) + 1;
            for (; i < statements.Count; i++)
            {
                result.Add(statements[i]);
                if (HandsOff(statements[i], local.Name))
                {
                    i++;
                    break;
                }
            }

            // A local declared inside the try and used after it would no longer compile: no fix then.
            var declared = new HashSet<string>(result.OfType<LocalDeclarationStatementSyntax>().SelectMany(d => d.Declaration.Variables).Select(v => v.Identifier.ValueText));
            for (; declared.Count > 0 && i < statements.Count; i++)
            {
                if (statements[i].DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => declared.Contains(n.Identifier.ValueText)))
                {
                    result.Clear();
                    break;
                }
            }

            return result;
        }

        private static bool HandsOff(StatementSyntax statement, string name) =>
            statement is ReturnStatementSyntax { Expression: IdentifierNameSyntax returned } && returned.Identifier.ValueText == name
            || statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Right: IdentifierNameSyntax stored } } && stored.Identifier.ValueText == name;
    }
}
