using System.Collections.Generic;
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
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.CodeFixes.Performance
{
    /// <summary>
    /// SOCK301: replaces a blocking socket call with the awaited async counterpart. Among the overloads that bind,
    /// it prefers one that takes the CancellationToken in scope, then the Memory/ValueTask form
    /// (<c>buffer.AsMemory(offset, count)</c>), then the call's own arguments. No fix when no overload binds with
    /// a result of the same type (e.g. <c>ReceiveFrom(…, ref endPoint)</c>), or where <c>await</c> is not allowed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseAsyncCounterpartFix))]
    [Shared]
    public sealed class UseAsyncCounterpartFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.BlockingCallInAsyncCode + ".UseAsyncCounterpart";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.BlockingCallInAsyncCode);

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
                // A constructor (new TcpClient(host, port)) is ConnectAfterConstructionFix's: no call to rename here.
                if (!diagnostic.Properties.TryGetValue(BlockingSocketCallInAsyncMethodAnalyzer.CounterpartProperty, out var counterpart)
                    || counterpart is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                    || node is BaseObjectCreationExpressionSyntax
                    || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                    || !AsyncRewriting.CanAwaitHere(invocation)
                    || FindReplacement(model, invocation, counterpart, context.CancellationToken) is not { } replacement)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Await " + counterpart,
                        token => ReplaceAsync(context.Document, invocation, replacement, token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The best async call that binds at the invocation's position, or null.</summary>
        internal static InvocationExpressionSyntax? FindReplacement(SemanticModel model, InvocationExpressionSyntax invocation, string counterpart, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol original
                || RenameCall(invocation.Expression, counterpart) is not { } callee)
            {
                return null;
            }

            var token = AsyncRewriting.FindCancellationToken(model, invocation.SpanStart, cancellationToken);
            var arguments = invocation.ArgumentList.Arguments;
            var memory = AsMemory(model, arguments, cancellationToken);
            var valueUsed = AsyncRewriting.IsValueUsed(invocation);
            foreach (var candidate in Candidates(arguments, memory, token))
            {
                var call = SyntaxFactory.InvocationExpression(callee, SyntaxFactory.ArgumentList(candidate));
                var info = model.GetSpeculativeSymbolInfo(invocation.SpanStart, call, SpeculativeBindingOption.BindAsExpression);
                if (info.Symbol is IMethodSymbol bound
                    && bound.Name == counterpart
                    && AsyncRewriting.AwaitedType(bound.ReturnType, model.Compilation) is { } awaited
                    && (!valueUsed || SymbolEqualityComparer.Default.Equals(awaited, original.ReturnType)))
                {
                    return call;
                }
            }

            return null;
        }

        private static IEnumerable<SeparatedSyntaxList<ArgumentSyntax>> Candidates(SeparatedSyntaxList<ArgumentSyntax> arguments, SeparatedSyntaxList<ArgumentSyntax>? memory, string? token)
        {
            if (token is not null)
            {
                var positional = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
                var named = positional.WithNameColon(SyntaxFactory.NameColon("cancellationToken"));
                if (memory is { } withMemory)
                {
                    yield return withMemory.Add(positional);
                    yield return withMemory.Add(named);
                }

                yield return arguments.Add(positional);
                yield return arguments.Add(named);
            }

            if (memory is { } memoryOnly)
            {
                yield return memoryOnly;
            }

            yield return arguments;
        }

        /// <summary>
        /// The arguments with a leading <c>byte[]</c> (and its <c>offset, count</c> or <c>size</c>) turned into <c>buffer.AsMemory(…)</c>,
        /// or null when the call does not start with an array buffer.
        /// </summary>
        private static SeparatedSyntaxList<ArgumentSyntax>? AsMemory(SemanticModel model, SeparatedSyntaxList<ArgumentSyntax> arguments, CancellationToken cancellationToken)
        {
            if (arguments.Count == 0
                || arguments[0].NameColon is not null
                || model.GetTypeInfo(arguments[0].Expression, cancellationToken).Type is not IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
            {
                return null;
            }

            // (buffer, offset, count) → AsMemory(offset, count); (buffer, size) → AsMemory(0, size); (buffer) → AsMemory().
            var take = 1;
            var range = new List<ArgumentSyntax>();
            if (arguments.Count >= 3 && IsInt(model, arguments[1], cancellationToken) && IsInt(model, arguments[2], cancellationToken))
            {
                take = 3;
                range.Add(arguments[1].WithoutTrivia());
                range.Add(arguments[2].WithoutTrivia());
            }
            else if (arguments.Count >= 2 && IsInt(model, arguments[1], cancellationToken))
            {
                take = 2;
                range.Add(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))));
                range.Add(arguments[1].WithoutTrivia());
            }

            var buffer = arguments[0].Expression.WithoutTrivia();
            var receiver = buffer is IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax
                ? buffer
                : SyntaxFactory.ParenthesizedExpression(buffer);
            var asMemory = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("AsMemory")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(range)));
            var result = SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(asMemory) });
            for (var i = take; i < arguments.Count; i++)
            {
                result = result.Add(arguments[i]);
            }

            return result;
        }

        private static bool IsInt(SemanticModel model, ArgumentSyntax argument, CancellationToken cancellationToken) =>
            argument.NameColon is null && model.GetTypeInfo(argument.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_Int32;

        private static ExpressionSyntax? RenameCall(ExpressionSyntax expression, string name) => expression switch
        {
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(name)),
            IdentifierNameSyntax => SyntaxFactory.IdentifierName(name),
            _ => null,
        };

        private static async Task<Document> ReplaceAsync(Document document, InvocationExpressionSyntax invocation, InvocationExpressionSyntax replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            return root is null
                ? document
                : document.WithSyntaxRoot(root.ReplaceNode(invocation, AsyncRewriting.Await(replacement, invocation)));
        }
    }
}
