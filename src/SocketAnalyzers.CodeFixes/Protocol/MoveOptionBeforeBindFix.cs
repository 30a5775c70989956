using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.CodeFixes.Protocol
{
    /// <summary>
    /// SOCK108: moves the option statement (<c>s.ExclusiveAddressUse = true;</c>, <c>s.SetSocketOption(…ReuseAddress…);</c>)
    /// right before the one statement the diagnostic names as what bound the socket (<c>Bind</c>, or the <c>Listen</c>,
    /// <c>Connect</c>, awaited <c>ConnectAsync</c> or <c>TcpListener.Start</c> that bound it implicitly), when both are
    /// statements of the same block, on the same receiver, and the option reads nothing declared between them.
    /// Otherwise (several causes, the value computed after it) there is no mechanical fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveOptionBeforeBindFix))]
    [Shared]
    public sealed class MoveOptionBeforeBindFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.PreBindOptionTooLate + ".MoveOptionBeforeBind";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PreBindOptionTooLate);

        // Several options may move before the same Bind: one document-level pass keeps their order.
        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(FixAllProvider.Create(FixDocumentAsync), EquivalenceKey);

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
                if (FindMove(root, model, diagnostic) is { } move)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Set the option before Bind",
                            token => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), token),
                            EquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // Option statements grouped by the Bind statement they go before, in source order.
            var moves = new Dictionary<StatementSyntax, List<StatementSyntax>>();
            var sorted = diagnostics.Sort((left, right) => left.Location.SourceSpan.Start.CompareTo(right.Location.SourceSpan.Start));
            foreach (var diagnostic in sorted)
            {
                if (FindMove(root, model, diagnostic) is { } move)
                {
                    if (!moves.TryGetValue(move.Bind, out var options))
                    {
                        moves[move.Bind] = options = new List<StatementSyntax>();
                    }

                    options.Add(move.Option);
                }
            }

            if (moves.Count == 0)
            {
                return document;
            }

            var tracked = root.TrackNodes(Nodes(moves));
            foreach (var pair in moves)
            {
                // Same block, same indentation: each statement moves with its comments, in source order.
                var bind = tracked.GetCurrentNode(pair.Key)!;
                tracked = tracked.InsertNodesBefore(bind, pair.Value);
                foreach (var option in pair.Value)
                {
                    tracked = tracked.RemoveNode(tracked.GetCurrentNode(option)!, SyntaxRemoveOptions.KeepNoTrivia)!;
                }
            }

            return document.WithSyntaxRoot(tracked);
        }

        private static IEnumerable<SyntaxNode> Nodes(Dictionary<StatementSyntax, List<StatementSyntax>> moves)
        {
            foreach (var pair in moves)
            {
                yield return pair.Key;
                foreach (var option in pair.Value)
                {
                    yield return option;
                }
            }
        }

        private static (StatementSyntax Option, StatementSyntax Bind)? FindMove(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count != 1
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax optionAccess }
                || Statement(optionAccess) is not { Parent: BlockSyntax block } option
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Bind" or "Listen" or "Connect" or "ConnectAsync" or "Start" } bindAccess,
                } binding
                || BindingStatement(binding) is not { } bind
                || bind.Parent != block
                || bind.SpanStart >= option.SpanStart
                || !SyntaxFactoryEquivalent(bindAccess.Expression, optionAccess.Expression))
            {
                return null;
            }

            // The option may only read what already exists before the Bind.
            var flow = model.AnalyzeDataFlow(option);
            if (flow is null || !flow.Succeeded)
            {
                return null;
            }

            foreach (var symbol in flow.ReadInside)
            {
                if (symbol is ILocalSymbol local && !DeclaredBefore(local, bind))
                {
                    return null;
                }
            }

            return (option, bind);
        }

        private static StatementSyntax? BindingStatement(InvocationExpressionSyntax invocation) => invocation.Parent switch
        {
            ExpressionStatementSyntax statement => statement,
            AwaitExpressionSyntax { Parent: ExpressionStatementSyntax statement } => statement,
            _ => null,
        };

        private static StatementSyntax? Statement(MemberAccessExpressionSyntax access) => access.Parent switch
        {
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment when assignment.Left == access => statement,
            InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } => statement,
            _ => null,
        };

        private static bool DeclaredBefore(ILocalSymbol local, StatementSyntax bind)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == bind.SyntaxTree && reference.Span.End <= bind.SpanStart)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SyntaxFactoryEquivalent(ExpressionSyntax left, ExpressionSyntax right) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(left, right);
    }
}
