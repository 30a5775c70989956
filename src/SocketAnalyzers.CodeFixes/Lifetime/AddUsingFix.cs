using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Linq;
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
    /// SOCK201/SOCK203: disposes the socket at the end of its scope. C# 8 and later: <c>using var</c> on the
    /// declaration (in an accept loop the scope is the loop body, so every iteration closes its connection); older
    /// language versions: a using statement around the rest of the block. Offered only when the local is never
    /// returned, stored, passed on or captured: a using would then close what another owner holds (SOCK205).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUsingFix))]
    [Shared]
    public sealed class AddUsingFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SOCK201.AddUsing";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.SocketNotDisposed, DiagnosticIds.AcceptedSocketNotDisposed);

        // Each fix edits its own declaration statement (or, before C# 8, the rest of its block).
        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(WellKnownFixAllProviders.BatchFixer, EquivalenceKey);

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
                if (OwnedLocal.Find(root, model, diagnostic, context.CancellationToken) is not { } local
                    || local.Statement.UsingKeyword.RawKind != 0
                    || !local.StaysLocal(model, context.CancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Dispose '" + local.Name + "' with using", token => ApplyAsync(context.Document, local, token), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, OwnedLocal local, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var statement = local.Statement;
            if (((CSharpParseOptions)statement.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp8)
            {
                var withUsing = statement
                    .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space))
                    .WithDeclaration(statement.Declaration.WithLeadingTrivia());
                return document.WithSyntaxRoot(root.ReplaceNode(statement, withUsing));
            }

            // Before C# 8: using (var x = ...) { rest of the block }.
            var block = local.Block;
            var index = block.Statements.IndexOf(statement);
            var rest = SyntaxFactory.List(block.Statements.Skip(index + 1));
            var usingStatement = SyntaxFactory.UsingStatement(
                    statement.Declaration.WithoutTrivia(),
                    null,
                    SyntaxFactory.Block(rest))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var statements = SyntaxFactory.List(block.Statements.Take(index)).Add(usingStatement);
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
        }
    }
}
