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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SocketAnalyzers.CodeFixes.FixAll;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.CodeFixes.Performance
{
    /// <summary>
    /// SOCK302: replaces <c>task.Result</c>, <c>task.Wait()</c> and <c>task.GetAwaiter().GetResult()</c> with
    /// <c>await task</c>. Offered in async functions, and in a synchronous private method whose every use is a call in an
    /// async function (<see cref="PrivateMethodToAsync"/>): it becomes async and those calls are awaited. Other
    /// synchronous methods get no fix, since making them async changes what their callers see; nor does a
    /// <c>[STAThread] Main</c> (an async Main gives up its STA thread), the only Main the rule reports. FixAll rewrites a document at once, so a method with several waits becomes async once.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitSocketTaskFix))]
    [Shared]
    public sealed class AwaitSocketTaskFix : CodeFixProvider
    {
        public const string EquivalenceKey = DiagnosticIds.SyncOverAsyncSocketWait + ".AwaitTask";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.SyncOverAsyncSocketWait);

        public override FixAllProvider GetFixAllProvider() => OneActionFixAllProvider.For(FixAllProvider.Create(
            async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false)), EquivalenceKey);

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
                if (Analyze(root, model, diagnostic, context.CancellationToken) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Await the task",
                        token => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), token),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var waits = new Dictionary<SyntaxNode, ExpressionSyntax>();
            var madeAsync = new HashSet<MethodDeclarationSyntax>();
            var callers = new HashSet<InvocationExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (Analyze(root, model, diagnostic, cancellationToken) is { } edit)
                {
                    waits[edit.Wait] = edit.Task;
                    if (edit.MakeAsync is { } method)
                    {
                        madeAsync.Add(method);
                    }

                    if (!edit.Callers.IsDefault)
                    {
                        callers.UnionWith(edit.Callers);
                    }
                }
            }

            // The calls of a method made async are awaited like the waits: innermost last-starting first.
            foreach (var call in callers)
            {
                if (!waits.ContainsKey(call))
                {
                    waits[call] = call;
                }
            }

            var nodes = new List<SyntaxNode>(waits.Keys);
            nodes.AddRange(madeAsync);
            var tracked = root.TrackNodes(nodes);
            // Innermost last-starting waits first, and each task re-read from the current tree: a wait nested in the
            // task of another keeps its own fix.
            var ordered = new List<SyntaxNode>(waits.Keys);
            ordered.Sort((a, b) => b.SpanStart.CompareTo(a.SpanStart));
            foreach (var wait in ordered)
            {
                if (tracked.GetCurrentNode(wait) is not ExpressionSyntax current
                    || (wait is InvocationExpressionSyntax call && callers.Contains(call) ? current : TaskOf(current)) is not { } task)
                {
                    continue;
                }

                var awaited = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(task.WithoutTrivia()))
                    .WithTriviaFrom(current)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                tracked = tracked.ReplaceNode(current, awaited);
            }

            foreach (var method in madeAsync)
            {
                if (tracked.GetCurrentNode(method) is { } current)
                {
                    tracked = tracked.ReplaceNode(current, MakeAsync(current));
                }
            }

            return document.WithSyntaxRoot(tracked);
        }

        private static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method)
        {
            var taskText = method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                ? "System.Threading.Tasks.Task"
                : "System.Threading.Tasks.Task<" + method.ReturnType.WithoutTrivia() + ">";
            var returnType = SyntaxFactory.ParseTypeName(taskText)
                .WithTriviaFrom(method.ReturnType)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            return method.WithReturnType(returnType)
                .WithModifiers(method.Modifiers.Add(asyncKeyword))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// The wait expression, the task it waits on, the method to make async (Main, or a private method) and the calls
        /// of that method to await; null when no fix applies.
        /// </summary>
        private static (ExpressionSyntax Wait, ExpressionSyntax Task, MethodDeclarationSyntax? MakeAsync, ImmutableArray<InvocationExpressionSyntax> Callers)? Analyze(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node?.Parent is not MemberAccessExpressionSyntax access || !AsyncRewriting.CanAwaitHere(access))
            {
                return null;
            }

            ExpressionSyntax waitNode = access.Name.Identifier.ValueText == "Result" ? access : access.Parent as InvocationExpressionSyntax ?? (ExpressionSyntax)access;
            if (TaskOf(waitNode) is not { } task)
            {
                return null;
            }

            var found = (Wait: waitNode, Task: task);

            for (var current = found.Wait.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? (found.Wait, found.Task, null, default) : null;
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword) ? (found.Wait, found.Task, null, default) : null;
                    case MethodDeclarationSyntax method:
                        if (method.Modifiers.Any(SyntaxKind.AsyncKeyword))
                        {
                            return (found.Wait, found.Task, null, default);
                        }

                        // Making it async would turn its other waits that only async code reports into new findings.
                        if (HasWaitReportedOnlyInAsyncCode(method, found.Wait, model, cancellationToken))
                        {
                            return null;
                        }

                        // The entry point is called by the runtime, not by code: no use says it can become async.
                        if (IsEntryPoint(method, model, cancellationToken))
                        {
                            return null;
                        }

                        var callers = PrivateMethodToAsync.Callers(method, model, cancellationToken);
                        return callers.IsDefault ? null : (found.Wait, found.Task, method, callers);
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the method's own body (not its lambdas or local functions) has another wait that SOCK302 reports in
        /// async code only: a timed wait (<c>t.Wait(100)</c>), or a wait on a task started with <c>Task.Run</c> or
        /// <c>StartNew</c>, directly or through a field or property (it may be a worker that blocks on a socket, whose
        /// join is reported in async code only). A syntactic, conservative test: such a method gets no fix.
        /// </summary>
        private static bool HasWaitReportedOnlyInAsyncCode(MethodDeclarationSyntax method, ExpressionSyntax fixedWait, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            if (body is null)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax))
            {
                if (node == fixedWait || node is not ExpressionSyntax expression)
                {
                    continue;
                }

                if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } or MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Wait" } })
                {
                    return true; // a timed wait
                }

                if (node is MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Wait" or "Result" })
                {
                    return true; // t?.Wait(), t?.Result: the task is not at hand
                }

                if (TaskOf(expression) is not { } receiver
                    || model.GetTypeInfo(receiver, cancellationToken).Type is not INamedTypeSymbol { Name: "Task" or "ValueTask" })
                {
                    continue;
                }

                if (receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "StartNew" } }
                    || model.GetSymbolInfo(receiver, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The task a wait expression waits on: <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c>.</summary>
        private static ExpressionSyntax? TaskOf(ExpressionSyntax wait) => wait switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } call } => call.Expression,
            InvocationExpressionSyntax
            {
                ArgumentList.Arguments.Count: 0,
                Expression: MemberAccessExpressionSyntax
                {
                    Name.Identifier.ValueText: "GetResult",
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } awaiter },
                },
            } => awaiter.Expression,
            _ => null,
        };

        private static bool IsEntryPoint(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
            method.Identifier.ValueText == "Main"
            && model.GetDeclaredSymbol(method, cancellationToken) is { IsStatic: true } symbol
            && SymbolEqualityComparer.Default.Equals(model.Compilation.GetEntryPoint(cancellationToken), symbol);
    }
}
