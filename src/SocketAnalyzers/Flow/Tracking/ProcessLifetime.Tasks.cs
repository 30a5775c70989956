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
        /// Task.WhenAll(…)</c>, <c>Task.WaitAll(…)</c>, the task in the arguments or in an array), through a local that
        /// holds the task and whose every read is such a wait (<c>var t = RunAsync(); …; await t;</c>), or through a local
        /// collection the task is added to, whose every other read is such a wait (<c>tasks.Add(RunAsync()); …; await
        /// Task.WhenAll(tasks);</c>). Waits inside a try with a catch, or in another function, do not count.
        /// </summary>
        private bool Rethrown(SyntaxNode call, CancellationToken cancellationToken)
        {
            if (this.Awaited(call, cancellationToken))
            {
                return true;
            }

            var model = this.models(call.SyntaxTree);
            if (call.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                return model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol task
                    && this.EveryReadWaits(task, declarator, call, adds: false, cancellationToken);
            }

            // tasks.Add(RunAsync()) on a local collection.
            return call.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax collection } } } }
                && model.GetSymbolInfo(collection, cancellationToken).Symbol is ILocalSymbol { DeclaringSyntaxReferences.Length: 1 } tasks
                && this.EveryReadWaits(tasks, tasks.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), call, adds: true, cancellationToken);
        }

        /// <summary>
        /// Every read of the local in its scope is a wait (<see cref="Awaited"/>) in the function of <paramref name="call"/>,
        /// outside a try with a catch, and there is one; with <paramref name="adds"/>, reads that only add to it
        /// (<c>tasks.Add(…)</c>) are allowed too.
        /// </summary>
        private bool EveryReadWaits(ILocalSymbol local, SyntaxNode declarator, SyntaxNode call, bool adds, CancellationToken cancellationToken)
        {
            if (declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax) is not { } scope)
            {
                return false;
            }

            var model = this.models(call.SyntaxTree);
            var function = FunctionOf(call);
            var waits = 0;
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (FunctionOf(name) != function)
                {
                    return false;
                }

                if (adds && name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Parent: InvocationExpressionSyntax } access && access.Expression == name)
                {
                    continue;
                }

                // tasks.ToArray() is the same tasks.
                SyntaxNode read = name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" or "ToList", Parent: InvocationExpressionSyntax copy } copied && copied.Expression == name
                    ? copy
                    : name;
                if (!this.Awaited(read, cancellationToken) || InsideTryWithCatch(read))
                {
                    return false;
                }

                waits++;
            }

            return waits > 0;
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
