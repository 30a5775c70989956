using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// SOCK205: a socket declared with <c>using</c> leaves its scope while the using still disposes it at the end:
    /// returned, stored in a field, property or array, or captured by a task that is not awaited in the scope
    /// (see rules/SOCK205.md). The using variable cannot be reassigned, so its value is known without a fixpoint:
    /// the check walks the scope's operations. Reading <c>Client</c>, <c>Server</c> or <c>GetStream()</c> of a using
    /// TcpClient/UdpClient/TcpListener counts as the same socket: disposing the wrapper closes them (J7).
    /// </summary>
    internal static class DisposedSocketEscapesRule
    {
        [System.ThreadStatic]
        private static char[]? buffer;

        public static void Check(OperationBlockAnalysisContext context, IOperation block, KnownSocketSymbols symbols)
        {
            // Every body is checked: a text without the word `using` has no using (a keyword is never spelled otherwise),
            // and a search of the text costs far less than a walk of the operations.
            if (!MentionsUsing(block.Syntax, context.CancellationToken))
            {
                return;
            }

            foreach (var operation in block.Descendants())
            {
                switch (operation)
                {
                    case IUsingDeclarationOperation declaration when declaration.Parent is { } scope:
                        foreach (var local in declaration.DeclarationGroup.GetDeclaredVariables())
                        {
                            CheckScope(context, local, declaration, scope, symbols);
                        }

                        break;
                    case IUsingOperation { Resources: IVariableDeclarationGroupOperation group } statement:
                        foreach (var local in group.GetDeclaredVariables())
                        {
                            CheckScope(context, local, statement.Resources, statement.Body, symbols);
                        }

                        break;
                }
            }
        }

        private static bool MentionsUsing(SyntaxNode syntax, CancellationToken cancellationToken)
        {
            var span = syntax.Span;
            var chars = buffer is { } known && known.Length >= span.Length ? known : buffer = new char[System.Math.Max(span.Length, 4096)];
            syntax.SyntaxTree.GetText(cancellationToken).CopyTo(span.Start, chars, 0, span.Length);
            for (var i = 0; i + 5 <= span.Length; i++)
            {
                if (chars[i] == 'u' && chars[i + 1] == 's' && chars[i + 2] == 'i' && chars[i + 3] == 'n' && chars[i + 4] == 'g')
                {
                    return true;
                }
            }

            return false;
        }

        private static void CheckScope(OperationBlockAnalysisContext context, ILocalSymbol local, IOperation declaration, IOperation scope, KnownSocketSymbols symbols)
        {
            if (!symbols.TryGetApi(local.Type, out _))
            {
                return;
            }

            foreach (var operation in Walk(scope))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                string? how = operation switch
                {
                    // A yield return hands it out while the iterator (and its using) is suspended: still open.
                    IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value } when Reads(value, local, symbols) => "is returned",
                    ISimpleAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } assignment
                        when Reads(assignment.Value, local, symbols) && !HeldByScopeLocal(assignment.Target, scope) => "is stored in '" + assignment.Target.Syntax + "'",
                    IInvocationOperation invocation when StartsUnawaitedWork(invocation) && Captures(invocation, local) => "is used by a task that is not awaited before the scope ends",
                    _ => null,
                };
                if (how is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DisposedSocketEscapes,
                        operation.Syntax.GetLocation(),
                        new[] { declaration.Syntax.GetLocation() },
                        local.Name,
                        how));
                }
            }
        }

        /// <summary>
        /// A member or element of an object that a local declared in the same scope holds (<c>token.Socket = client.Client</c>
        /// with <c>var token = new Token()</c> after the using): the holder goes out of scope with the socket.
        /// </summary>
        private static bool HeldByScopeLocal(IOperation target, IOperation scope)
        {
            var holder = target;
            while (holder is IMemberReferenceOperation or IArrayElementReferenceOperation)
            {
                holder = holder is IMemberReferenceOperation member ? member.Instance : ((IArrayElementReferenceOperation)holder).ArrayReference;
            }

            return holder is ILocalReferenceOperation { Local: { } local }
                && local.DeclaringSyntaxReferences.Length == 1
                && scope.Syntax.Span.Contains(local.DeclaringSyntaxReferences[0].Span);
        }

        /// <summary>The operations of the scope, without entering lambdas and local functions (their returns stay inside).</summary>
        private static IEnumerable<IOperation> Walk(IOperation scope)
        {
            var pending = new Stack<IOperation>();
            pending.Push(scope);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                yield return current;
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        /// <summary>The value is the using variable, or a socket it owns (Client, Server, GetStream()).</summary>
        private static bool Reads(IOperation value, ILocalSymbol local, KnownSocketSymbols symbols)
        {
            value = OwnershipFacts.Unwrap(value)!;
            switch (value)
            {
                case ILocalReferenceOperation reference:
                    return SymbolEqualityComparer.Default.Equals(reference.Local, local);
                case IPropertyReferenceOperation { Property.Name: "Client" or "Server", Instance: { } owner } when symbols.TryGetApi(owner.Type, out var api) && api != SocketApi.Socket:
                    return Reads(owner, local, symbols);
                case IInvocationOperation { TargetMethod.Name: "GetStream", Instance: { } owner } when symbols.TryGetApi(owner.Type, out var api) && api == SocketApi.TcpClient:
                    return Reads(owner, local, symbols);
                default:
                    return false;
            }
        }

        /// <summary>Task.Run / Task.Factory.StartNew / ThreadPool.QueueUserWorkItem whose task nobody waits for here.</summary>
        private static bool StartsUnawaitedWork(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var starts = method.Name switch
            {
                "Run" => method.ContainingType?.Name == "Task",
                "StartNew" => method.ContainingType?.Name == "TaskFactory",
                "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" => method.ContainingType?.Name == "ThreadPool",
                _ => false,
            };
            if (!starts || method.ContainingType?.ContainingNamespace?.ToDisplayString() is not ("System.Threading.Tasks" or "System.Threading"))
            {
                return false;
            }

            // Discarded, or returned from the scope (the caller awaits it after the using disposed the socket).
            var parent = invocation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IExpressionStatementOperation or IReturnOperation
                || parent is ISimpleAssignmentOperation { Target: IDiscardOperation };
        }

        private static bool Captures(IInvocationOperation invocation, ILocalSymbol local)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (OwnershipFacts.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation function })
                {
                    foreach (var inner in function.Body.Descendants())
                    {
                        if (inner is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
