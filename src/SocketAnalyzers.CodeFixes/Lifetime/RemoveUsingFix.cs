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
    /// SOCK205: when the socket is clearly passed on (returned, or stored in a field or property), removes the
    /// <c>using</c> of its declaration; the statements between the declaration and the hand-off go into
    /// <c>try { … } catch { x.Dispose(); throw; }</c> so that a failure still closes it (no SOCK202 in its place).
    /// No fix for a using statement (its block would need restructuring) or a socket captured by a task (who should
    /// close it is not clear).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveUsingFix))]
    [Shared]
    public sealed class RemoveUsingFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK205.RemoveUsing";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DisposedSocketEscapes);

        // Each fix edits the block of its own using declaration, rebuilt from the current tree in turn.
        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(FixAllProvider.Create(FixAllInDocumentAsync), EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Find(root, diagnostic) is { } found)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the using: the receiver owns it", token => ApplyAsync(context.Document, diagnostic, token), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                document = await ApplyAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            }

            return document;
        }

        /// <summary>
        /// The using declaration and the hand-off statement after it in the same block, or null. (Mid-edit code can
        /// hand the socket off before its declaration, <c>return socket; using var socket = …;</c>: nothing to wrap.)
        /// </summary>
        private static (LocalDeclarationStatementSyntax Declaration, StatementSyntax HandOff, BlockSyntax Block)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { UsingKeyword.RawKind: not 0, Parent: BlockSyntax block } declaration
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } escape
                || escape.FirstAncestorOrSelf<StatementSyntax>() is not { } handOff
                || handOff.Parent != block
                || block.Statements.IndexOf(handOff) <= block.Statements.IndexOf(declaration)
                || !(escape is ReturnStatementSyntax || escape is AssignmentExpressionSyntax { Left: not IdentifierNameSyntax { Identifier.ValueText: "_" } }))
            {
                return null;
            }

            return (declaration, handOff, block);
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || Find(root, diagnostic) is not { } found)
            {
                return document;
            }

            var (declaration, handOff, block) = found;
            var name = declaration.Declaration.Variables[0].Identifier.ValueText;
            var plain = declaration
                .WithUsingKeyword(default)
                .WithAwaitKeyword(default)
                .WithLeadingTrivia(declaration.GetLeadingTrivia());
            var statements = block.Statements;
            var start = statements.IndexOf(declaration);
            var end = statements.IndexOf(handOff);
            if (end == start + 1)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements.Replace(declaration, plain))));
            }

            var guarded = statements.Skip(start + 1).Take(end - start).ToList();
            var tryStatement = SyntaxFactory.TryStatement(
                    SyntaxFactory.Block(guarded.Select(s => s.WithLeadingTrivia(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))))),
                    SyntaxFactory.SingletonList(SyntaxFactory.CatchClause().WithBlock(SyntaxFactory.Block(
                        SyntaxFactory.ParseStatement(name + ".Dispose();"),
                        SyntaxFactory.ThrowStatement()))),
                    null)
                .WithLeadingTrivia(guarded[0].GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var rebuilt = statements.Take(start).Append(plain).Append(tryStatement).Concat(statements.Skip(end + 1));
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(rebuilt))));
        }
    }
}
