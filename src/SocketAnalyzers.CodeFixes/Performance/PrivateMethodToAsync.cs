using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.CodeFixes.Performance
{
    /// <summary>
    /// Whether a synchronous private method may become <c>async</c>: its signature is no contract outside its type, so
    /// it may change when every use of it is a call that can be awaited where it stands — in an async function, or in
    /// the method itself. Returns those calls; the fix awaits them as it makes the method async.
    /// </summary>
    internal static class PrivateMethodToAsync
    {
        /// <summary>
        /// The calls of <paramref name="method"/> to await, or default when it cannot become async: not private, not an
        /// ordinary method with a body of its own, already task-returning, an iterator, ref or out parameters, unsafe, a
        /// partial type (uses may sit in another document), or a use that is no awaitable call (a method group, nameof).
        /// </summary>
        public static ImmutableArray<InvocationExpressionSyntax> Callers(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol
                || !CanChangeSignature(method, symbol)
                || symbol.ContainingType.DeclaringSyntaxReferences.Length != 1
                || symbol.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not TypeDeclarationSyntax type
                || type.SyntaxTree != method.SyntaxTree)
            {
                return default;
            }

            var callers = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            foreach (var name in type.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (name is not SimpleNameSyntax simple
                    || simple.Identifier.ValueText != method.Identifier.ValueText
                    || simple == (SyntaxNode)method
                    || !Refers(model.GetSymbolInfo(simple, cancellationToken), symbol))
                {
                    continue;
                }

                if (AwaitableCall(simple, method) is not { } call)
                {
                    return default;
                }

                callers.Add(call);
            }

            return callers.ToImmutable();
        }

        /// <summary>The name binds to the method, or names it among candidates (<c>nameof(M)</c> binds to a method group).</summary>
        private static bool Refers(SymbolInfo info, IMethodSymbol method)
        {
            if (SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, method))
            {
                return true;
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CanChangeSignature(MethodDeclarationSyntax method, IMethodSymbol symbol) =>
            symbol is { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary, IsVirtual: false, IsOverride: false, IsAbstract: false, IsExtern: false, ReturnsByRef: false, ReturnsByRefReadonly: false }
            && symbol.ExplicitInterfaceImplementations.IsEmpty
            && (method.Body is not null || method.ExpressionBody is not null)
            && !method.Modifiers.Any(SyntaxKind.UnsafeKeyword)
            && !method.Modifiers.Any(SyntaxKind.PartialKeyword)
            && !IsTaskLike(symbol.ReturnType)
            && NoRefParameters(symbol)
            && !IsIterator(method);

        private static bool NoRefParameters(IMethodSymbol symbol)
        {
            foreach (var parameter in symbol.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsIterator(MethodDeclarationSyntax method)
        {
            foreach (var node in method.DescendantNodes())
            {
                if (node is YieldStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTaskLike(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask" or "IAsyncEnumerable" or "IAsyncEnumerator" };

        /// <summary>The call the name is the target of, when await may stand there: in an async function or the method itself.</summary>
        private static InvocationExpressionSyntax? AwaitableCall(SimpleNameSyntax name, MethodDeclarationSyntax method)
        {
            SyntaxNode target = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name ? access : name;
            if (target.Parent is not InvocationExpressionSyntax call || call.Expression != target || !AsyncRewriting.CanAwaitHere(call))
            {
                return null;
            }

            for (var current = call.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? call : null;
                    case LocalFunctionStatementSyntax local:
                        return local.Modifiers.Any(SyntaxKind.AsyncKeyword) ? call : null;
                    case MethodDeclarationSyntax caller:
                        return caller == method || caller.Modifiers.Any(SyntaxKind.AsyncKeyword) ? call : null;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
