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

namespace SocketAnalyzers.CodeFixes.Performance
{
    /// <summary>
    /// SOCK301 on <c>new TcpClient(host, port)</c>: constructs the client unconnected and awaits
    /// <c>ConnectAsync(host, port)</c> in the next statement, forwarding the CancellationToken in scope where an
    /// overload takes one. Offered for a local declaration (<c>using var</c> included) or a simple assignment to a
    /// name, as a statement of a block, with positional arguments. <c>new UdpClient(host, port)</c> gets no fix: UdpClient
    /// has no asynchronous Connect; the name lookup would have to be split from the constructor by hand.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectAfterConstructionFix))]
    [Shared]
    public sealed class ConnectAfterConstructionFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.BlockingCallInAsyncCode + ".ConnectAfterConstruction";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.BlockingCallInAsyncCode);

        // Each fix edits its own statement and inserts after it: two fixes never touch the same node.
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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                    || Plan(model, creation, context.CancellationToken) is not { } plan)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Construct unconnected and await ConnectAsync",
                        token => ApplyAsync(context.Document, plan, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The statement to rewrite, the name of the client, and the ConnectAsync arguments; null when no fix applies.</summary>
        private static (StatementSyntax Statement, BaseObjectCreationExpressionSyntax Creation, string Name, ArgumentListSyntax Arguments)? Plan(
            SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            if (creation.ArgumentList is not { Arguments.Count: 2 } arguments
                || arguments.Arguments[0].NameColon is not null
                || arguments.Arguments[1].NameColon is not null
                || creation.Initializer is not null
                || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol { Name: "TcpClient" } client
                || !AsyncRewriting.CanAwaitHere(creation))
            {
                return null;
            }

            (StatementSyntax, string)? target = creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration } } declarator }
                    when !declaration.IsConst => (declaration, declarator.Identifier.ValueText),
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => (statement, name.Identifier.ValueText),
                _ => null,
            };
            if (target is not { } found || found.Item1.Parent is not BlockSyntax)
            {
                return null;
            }

            var connectArguments = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { arguments.Arguments[0].WithoutTrivia(), arguments.Arguments[1].WithoutTrivia() }));
            var token = AsyncRewriting.FindCancellationToken(model, creation.SpanStart, cancellationToken);
            if (token is not null && HasConnectAsync(client, withToken: true))
            {
                return (found.Item1, creation, found.Item2, connectArguments.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token))));
            }

            return HasConnectAsync(client, withToken: false) ? (found.Item1, creation, found.Item2, connectArguments) : null;
        }

        /// <summary>ConnectAsync(string, int) or ConnectAsync(string, int, CancellationToken) returning a task, in this target framework.</summary>
        private static bool HasConnectAsync(INamedTypeSymbol client, bool withToken)
        {
            foreach (var member in client.GetMembers("ConnectAsync"))
            {
                if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public, Parameters: var parameters }
                    && parameters.Length == (withToken ? 3 : 2)
                    && parameters[0].Type.SpecialType == SpecialType.System_String
                    && parameters[1].Type.SpecialType == SpecialType.System_Int32
                    && (!withToken || parameters[2].Type.Name == "CancellationToken"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statement's indentation only: its comments and directives stay with it.</summary>
        private static SyntaxTriviaList Indentation(StatementSyntax statement)
        {
            var leading = statement.GetLeadingTrivia();
            return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
        }

        private static async Task<Document> ApplyAsync(
            Document document,
            (StatementSyntax Statement, BaseObjectCreationExpressionSyntax Creation, string Name, ArgumentListSyntax Arguments) plan,
            CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var unconnected = plan.Creation.WithArgumentList(SyntaxFactory.ArgumentList());
            var statement = plan.Statement.ReplaceNode(plan.Creation, unconnected);
            var connect = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AwaitExpression(
                        SyntaxFactory.InvocationExpression(
                            SyntaxFactory.MemberAccessExpression(
                                SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(plan.Name),
                                SyntaxFactory.IdentifierName("ConnectAsync")),
                            plan.Arguments)))
                .WithLeadingTrivia(Indentation(plan.Statement))
                .WithTrailingTrivia(plan.Statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(plan.Statement, new SyntaxNode[] { statement, connect }));
        }
    }
}
