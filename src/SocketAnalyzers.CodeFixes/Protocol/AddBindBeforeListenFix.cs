using System.Collections.Immutable;
using System.Composition;
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

namespace SocketAnalyzers.CodeFixes.Protocol
{
    /// <summary>
    /// SOCK103: inserts <c>socket.Bind(endpoint);</c> before the <c>Listen</c> statement, when exactly one endpoint
    /// (a local assigned before the statement, a parameter, or a field or property of the type, of type EndPoint,
    /// IPEndPoint or UnixDomainSocketEndPoint) is in scope. With none or several, which endpoint the socket should
    /// listen on is a decision: no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddBindBeforeListenFix))]
    [Shared]
    public sealed class AddBindBeforeListenFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.ListenOnUnboundSocket + ".AddBindBeforeListen";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ListenOnUnboundSocket);

        // Each fix inserts before its own Listen statement: two fixes never touch the same node.
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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name
                    || name.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement } } access
                    || FindSingleEndpoint(model, statement, context.CancellationToken) is not { } endpoint)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Bind to '" + endpoint + "' before Listen",
                        token => InsertBindAsync(context.Document, statement, access.Expression, endpoint, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static string? FindSingleEndpoint(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
        {
            string? found = null;
            var inStaticCode = model.GetEnclosingSymbol(statement.SpanStart, cancellationToken) is { IsStatic: true };
            foreach (var symbol in model.LookupSymbols(statement.SpanStart))
            {
                var type = symbol switch
                {
                    ILocalSymbol local when IsDeclaredAndAssignedBefore(local, statement, cancellationToken) => local.Type,
                    IParameterSymbol { RefKind: not RefKind.Out } parameter => parameter.Type,
                    IFieldSymbol field when field.IsStatic || !inStaticCode => field.Type,
                    IPropertySymbol { GetMethod: not null, IsIndexer: false } property when property.IsStatic || !inStaticCode => property.Type,
                    _ => null,
                };

                // DnsEndPoint is an EndPoint that Bind refuses: only the concrete endpoints Bind takes, or EndPoint itself.
                if (type?.Name is not ("EndPoint" or "IPEndPoint" or "UnixDomainSocketEndPoint") || type.ContainingNamespace?.ToDisplayString() is not ("System.Net" or "System.Net.Sockets"))
                {
                    continue;
                }

                if (found is not null)
                {
                    return null;
                }

                found = symbol.Name;
            }

            return found;
        }

        private static bool IsDeclaredAndAssignedBefore(ILocalSymbol local, StatementSyntax statement, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null } declarator
                    && declarator.SyntaxTree == statement.SyntaxTree
                    && declarator.Span.End <= statement.SpanStart)
                {
                    return true;
                }
            }

            return false;
        }

        private static async Task<Document> InsertBindAsync(Document document, ExpressionStatementSyntax listen, ExpressionSyntax socket, string endpoint, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || listen.Parent is not BlockSyntax block)
            {
                return document;
            }

            var bind = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, socket.WithoutTrivia(), SyntaxFactory.IdentifierName("Bind")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(endpoint))))))
                .WithLeadingTrivia(listen.GetLeadingTrivia())
                .WithTrailingTrivia(listen.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            // Comments above Listen stay above the new pair; Listen keeps only its indentation.
            var leading = listen.GetLeadingTrivia();
            var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
            var index = block.Statements.IndexOf(listen);
            var statements = block.Statements.Replace(listen, listen.WithLeadingTrivia(indentation)).Insert(index, bind);
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
        }
    }
}
