using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// An invocation <c>receiver.Name(arguments)</c> that does not bind only because an argument's type is missing
    /// (a third-party type whose assembly is not referenced: <c>socket.Connect(point.ToIPEndPoint())</c>), while the
    /// receiver binds. Whichever overload the program calls once the type is there, it is one of the candidates the
    /// compiler lists: when every candidate is the same socket member, the call is that member.
    /// </summary>
    /// <remarks>
    /// Sound only under these conditions, each checked: the candidates are instance methods of the receiver's type
    /// with the invocation's name, and no extension method of that name is in scope (the call could be it once the
    /// argument's type is there); no argument is named; at least
    /// one candidate takes this many arguments and accepts, at each position, every argument whose type binds (an
    /// argument of a missing type fits any parameter); and at least one argument's type is missing (a call that fails
    /// with every type known is a mistake, not a missing reference).
    /// One assumption remains: the missing code brings no extension method named like the socket member (a
    /// <c>Connect(this Socket, Peer)</c> that does not connect). Extensions the compilation has are seen and end the
    /// search.
    /// </remarks>
    internal readonly struct UnboundInvocation
    {
        private UnboundInvocation(InvocationExpressionSyntax syntax, IOperation receiver, ImmutableArray<IMethodSymbol> candidates)
        {
            this.Syntax = syntax;
            this.Receiver = receiver;
            this.Candidates = candidates;
        }

        public InvocationExpressionSyntax Syntax { get; }

        /// <summary>The receiver's operation; its type binds.</summary>
        public IOperation Receiver { get; }

        /// <summary>The overloads the call may be, all of the receiver's type and of the invocation's name.</summary>
        public ImmutableArray<IMethodSymbol> Candidates { get; }

        /// <summary>Cheap first test, before the compiler is asked for candidates: the type of an invalid invocation's receiver.</summary>
        public static ITypeSymbol? ReceiverType(IOperation operation) =>
            operation is IInvalidOperation && operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? ReceiverOf(operation, access.Expression)?.Type
                : null;

        /// <summary>The invocation an invalid operation stands for, when it meets the conditions above.</summary>
        public static UnboundInvocation? Find(IOperation operation, Compilation compilation, CancellationToken cancellationToken)
        {
            if (operation is not IInvalidOperation
                || operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
                || operation.SemanticModel is not { } model
                || ReceiverOf(operation, access.Expression) is not { Type: { TypeKind: not TypeKind.Error } receiverType } receiver)
            {
                return null;
            }

            var info = model.GetSymbolInfo(syntax, cancellationToken);
            if (info.Symbol is not null || info.CandidateReason != CandidateReason.OverloadResolutionFailure || info.CandidateSymbols.IsDefaultOrEmpty)
            {
                return null;
            }

            var candidates = ImmutableArray.CreateBuilder<IMethodSymbol>(info.CandidateSymbols.Length);
            foreach (var candidate in info.CandidateSymbols)
            {
                if (candidate is not IMethodSymbol { IsStatic: false, ReducedFrom: null, MethodKind: MethodKind.Ordinary } method
                    || method.Name != access.Name.Identifier.ValueText
                    || !InheritsFrom(receiverType, method.ContainingType))
                {
                    return null;
                }

                candidates.Add(method);
            }

            // An extension of the program with this name could be the method called once the types are there.
            foreach (var visible in model.LookupSymbols(syntax.SpanStart, receiverType, access.Name.Identifier.ValueText, includeReducedExtensionMethods: true))
            {
                if (visible is IMethodSymbol { ReducedFrom: not null })
                {
                    return null;
                }
            }

            var arguments = syntax.ArgumentList.Arguments;
            var missing = false;
            var types = new ITypeSymbol?[arguments.Count];
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].NameColon is not null)
                {
                    return null;
                }

                var type = model.GetTypeInfo(arguments[i].Expression, cancellationToken).Type;
                if (type is null or { TypeKind: TypeKind.Error })
                {
                    missing = true;
                }
                else
                {
                    types[i] = type;
                }
            }

            return missing && AnyAccepts(candidates, types, compilation)
                ? new UnboundInvocation(syntax, receiver, candidates.MoveToImmutable())
                : null;
        }

        /// <summary>The child operation that stands for the receiver's syntax.</summary>
        private static IOperation? ReceiverOf(IOperation invocation, ExpressionSyntax syntax)
        {
            foreach (var child in invocation.ChildOperations)
            {
                if (child.Syntax == syntax)
                {
                    return child;
                }
            }

            return null;
        }

        private static bool InheritsFrom(ITypeSymbol type, INamedTypeSymbol declaring)
        {
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyAccepts(ImmutableArray<IMethodSymbol>.Builder candidates, ITypeSymbol?[] types, Compilation compilation)
        {
            foreach (var candidate in candidates)
            {
                if (Accepts(candidate, types, compilation))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Accepts(IMethodSymbol candidate, ITypeSymbol?[] types, Compilation compilation)
        {
            var parameters = candidate.Parameters;
            if (types.Length > parameters.Length)
            {
                return false;
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                if (i >= types.Length)
                {
                    if (!parameters[i].IsOptional)
                    {
                        return false;
                    }
                }
                else if (types[i] is { } type && !compilation.ClassifyCommonConversion(type, parameters[i].Type).IsImplicit)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
