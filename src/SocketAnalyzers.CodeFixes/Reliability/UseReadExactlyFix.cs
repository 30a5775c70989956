using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Rules.Reliability;

namespace SocketAnalyzers.CodeFixes.Reliability
{
    /// <summary>
    /// SOCK401 on a stream: <c>stream.Read(…);</c> → <c>stream.ReadExactly(…);</c> and
    /// <c>await stream.ReadAsync(…);</c> → <c>await stream.ReadExactlyAsync(…);</c>, with the same arguments.
    /// Offered only where the target framework has ReadExactly (.NET 7 and later) with an overload that binds.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseReadExactlyFix))]
    [Shared]
    public sealed class UseReadExactlyFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.ReceiveResultIgnored + ".UseReadExactly";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.ReceiveResultIgnored);

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
                if (diagnostic.Properties.ContainsKey(ReceiveResultIgnoredAnalyzer.NoFixProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } invocation
                    || access.Name.Identifier.ValueText is not ("Read" or "ReadAsync")
                    || ReceiveStatement.Find(invocation) is not { } statement)
                {
                    continue;
                }

                var name = access.Name.Identifier.ValueText == "Read" ? "ReadExactly" : "ReadExactlyAsync";
                var replacement = invocation.WithExpression(access.WithName(SyntaxFactory.IdentifierName(name)));
                var info = model.GetSpeculativeSymbolInfo(invocation.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
                if (info.Symbol is not IMethodSymbol { Name: var bound } || bound != name)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use " + name,
                        token => ReplaceAsync(context.Document, statement, invocation, replacement, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation, InvocationExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // ReadExactly returns nothing: a discard `_ = …` becomes a plain statement.
            ExpressionSyntax call = replacement.WithTriviaFrom(invocation);
            if (invocation.Parent is AwaitExpressionSyntax awaitExpression)
            {
                call = awaitExpression.WithExpression(replacement.WithTriviaFrom(invocation));
            }

            var newStatement = statement.WithExpression(call.WithTriviaFrom(statement.Expression));
            return document.WithSyntaxRoot(root.ReplaceNode(statement, newStatement));
        }
    }
}
