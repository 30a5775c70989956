using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Where a task's exception comes out: the caller that awaits or waits on it, directly, through a combinator or a local.</summary>
    internal sealed partial class ProcessLifetime
    {
        /// <summary>
        /// The task the call returns is awaited or waited on in the same function, so its exception comes out there:
        /// directly, through a combinator that rethrows the first failure of any task it is given (<c>await
        /// Task.WhenAll(…)</c>, <c>Task.WaitAll(…)</c>, the task in the arguments or in an array), or through a local that
        /// holds the task and whose every read is such a wait outside a try with a catch (<c>var t = RunAsync(); …;
        /// await t;</c>).
        /// </summary>
        private bool Rethrown(SyntaxNode call, CancellationToken cancellationToken)
        {
            if (this.Awaited(call, cancellationToken))
            {
                return true;
            }

            if (call.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax) is not { } scope)
            {
                return false;
            }

            var model = this.models(call.SyntaxTree);
            if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
            {
                return false;
            }

            var reads = 0;
            foreach (var node in scope.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    if (!this.Awaited(name, cancellationToken) || InsideTryWithCatch(name) || FunctionOf(name) != FunctionOf(call))
                    {
                        return false;
                    }

                    reads++;
                }
            }

            return reads > 0;
        }

        /// <summary>The innermost lambda, local function or member whose body holds the node: where an exception thrown there comes out.</summary>
        private static SyntaxNode? FunctionOf(SyntaxNode node) =>
            node.FirstAncestorOrSelf<SyntaxNode>(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax) is { } function
                ? function is GlobalStatementSyntax ? function.Parent : function
                : null;

        /// <summary>The task is awaited or waited on (<see cref="IsAwaitedOrWaited"/>), or given to an awaited <c>Task.WhenAll</c> or to <c>Task.WaitAll</c>.</summary>
        private bool Awaited(SyntaxNode task, CancellationToken cancellationToken)
        {
            if (IsAwaitedOrWaited(task))
            {
                return true;
            }

            // Task.Run(() => RunAsync()): Task.Run unwraps the task the function returns; whether that comes out is
            // asked of the start (the function's own EndsProcess).
            if (task.Parent is LambdaExpressionSyntax lambda && lambda.ExpressionBody == task)
            {
                return this.StartKind(lambda, cancellationToken, out var start) == Start.Task
                    && start is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" } };
            }

            var argument = task.Parent switch
            {
                InitializerExpressionSyntax { Parent: ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax } initializer => initializer.Parent?.Parent,
                ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection.Parent,
                _ => task.Parent,
            };
            return argument is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax combinator } }
                && this.models(task.SyntaxTree).GetSymbolInfo(combinator, cancellationToken).Symbol is IMethodSymbol
                {
                    Name: "WhenAll" or "WaitAll",
                    ContainingType: { Name: "Task", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } },
                } target
                && (target.Name == "WaitAll" || IsAwaitedOrWaited(combinator));
        }

        /// <summary><c>await M()</c> (through ConfigureAwait), <c>M().Wait()</c>, <c>M().GetAwaiter().GetResult()</c>, <c>M().Result</c>.</summary>
        private static bool IsAwaitedOrWaited(SyntaxNode call)
        {
            var current = call;
            while (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" or "GetAwaiter" } access
                && access.Parent is InvocationExpressionSyntax invocation)
            {
                current = invocation;
            }

            return current.Parent switch
            {
                AwaitExpressionSyntax => true,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" or "GetResult" } access => access.Parent is InvocationExpressionSyntax,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } => true,
                _ => false,
            };
        }
    }
}
