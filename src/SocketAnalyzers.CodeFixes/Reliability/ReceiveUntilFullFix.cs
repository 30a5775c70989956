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
using Microsoft.CodeAnalysis.Simplification;
using SocketAnalyzers.CodeFixes.Performance;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Rules.Reliability;

namespace SocketAnalyzers.CodeFixes.Reliability
{
    /// <summary>
    /// SOCK401 on a Socket: <c>socket.Receive(buffer);</c> (or <c>await socket.ReceiveAsync(buffer, …);</c>) becomes a
    /// loop that receives until the buffer is full and throws EndOfStreamException when the peer closes first.
    /// Not offered on a socket known to be a datagram socket (each receive is a separate datagram there), nor when
    /// the buffer is not a plain variable or member (it is evaluated several times by the loop).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReceiveUntilFullFix))]
    [Shared]
    public sealed class ReceiveUntilFullFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.ReceiveResultIgnored + ".ReceiveUntilFull";

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
                if (diagnostic.Properties.ContainsKey(ReceiveResultIgnoredAnalyzer.DatagramProperty)
                    || diagnostic.Properties.ContainsKey(ReceiveResultIgnoredAnalyzer.NoFixProperty)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Expression: MemberAccessExpressionSyntax access } invocation
                    || ReceiveStatement.Find(invocation) is not { Parent: BlockSyntax } statement
                    || BuildLoop(model, invocation, access, context.CancellationToken) is not { } loop)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Receive until the buffer is full",
                        token => ReplaceAsync(context.Document, statement, loop, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static StatementSyntax? BuildLoop(SemanticModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
        {
            var isAsync = invocation.Parent is AwaitExpressionSyntax;
            var method = access.Name.Identifier.ValueText;
            if ((isAsync ? "ReceiveAsync" : "Receive") != method
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target)
            {
                return null;
            }

            // Receive(byte[] buffer[, SocketFlags flags][, CancellationToken token]), buffer a plain variable or member.
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count == 0
                || arguments[0].Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
                || model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return null;
            }

            var flags = "System.Net.Sockets.SocketFlags.None";
            string? token = null;
            for (var i = 1; i < arguments.Count; i++)
            {
                var type = model.GetTypeInfo(arguments[i].Expression, cancellationToken).Type;
                if (type is { Name: "SocketFlags" } && i == 1)
                {
                    flags = arguments[i].Expression.ToString();
                }
                else if (type is { Name: "CancellationToken" } && isAsync)
                {
                    token = arguments[i].Expression.ToString();
                }
                else
                {
                    return null;
                }
            }

            if (isAsync)
            {
                token ??= AsyncRewriting.FindCancellationToken(model, invocation.SpanStart, cancellationToken);
            }

            var buffer = arguments[0].Expression.ToString();
            var receiver = access.Expression.ToString();
            var received = UniqueName(model, invocation.SpanStart, "received");
            var count = UniqueName(model, invocation.SpanStart, "count");
            var call = isAsync
                ? $"await {receiver}.ReceiveAsync({buffer}.AsMemory({received}), {flags}{(token is null ? string.Empty : ", " + token)})"
                : $"{receiver}.Receive({buffer}, {received}, {buffer}.Length - {received}, {flags})";

            // The async form needs the Memory overload (.NET Core 2.1 and later) and MemoryExtensions in scope.
            if (isAsync && !Binds(model, invocation, $"{receiver}.ReceiveAsync({buffer}.AsMemory(0), {flags}{(token is null ? string.Empty : ", " + token)})", target.Name))
            {
                return null;
            }

            var text = $$"""
                for (var {{received}} = 0; {{received}} < {{buffer}}.Length;)
                {
                    var {{count}} = {{call}};
                    if ({{count}} == 0)
                    {
                        throw new System.IO.EndOfStreamException();
                    }

                    {{received}} += {{count}};
                }
                """;
            var loop = SyntaxFactory.ParseStatement(text);
            return loop.ReplaceNodes(
                loop.DescendantNodes().OfQualifiedNames(),
                (_, name) => name.WithAdditionalAnnotations(Simplifier.Annotation));
        }

        private static bool Binds(SemanticModel model, InvocationExpressionSyntax at, string text, string name) =>
            model.GetSpeculativeSymbolInfo(at.SpanStart, SyntaxFactory.ParseExpression(text), SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol bound
            && bound.Name == name;

        private static string UniqueName(SemanticModel model, int position, string name)
        {
            var candidate = name;
            for (var i = 1; model.LookupSymbols(position, name: candidate).Length > 0; i++)
            {
                candidate = name + i;
            }

            return candidate;
        }

        private static async Task<Document> ReplaceAsync(Document document, StatementSyntax statement, StatementSyntax loop, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var formatted = loop
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(statement, formatted));
        }
    }
}
