using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// What a parameter of a private method or local function is ever given: the argument of every call of it, all in
    /// its type (or in its enclosing function), since nothing else can call it. A mention that is not a call (a method
    /// group) lets anything in. The receive rules ask whether all of them are datagram sockets, or readers over a
    /// network stream.
    /// </summary>
    internal static class PassedArguments
    {
        /// <summary>
        /// Whether the parameter is never assigned in its method (<paramref name="function"/>: the method's facts), the
        /// method is called at least once, and every call passes a value that passes <paramref name="test"/> (the value,
        /// and the facts of the function that declares it when it is a local, else of the calling function).
        /// </summary>
        public static bool All(IParameterSymbol parameter, FunctionFacts function, ReceiveContext context, Func<IOperation, FunctionFacts, bool> test)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None
                || !(method.MethodKind == MethodKind.LocalFunction || (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Private)))
            {
                return false;
            }

            if (Declaring(function.Operation, method) is not { } body)
            {
                return false;
            }

            foreach (var use in context.Uses.Of(body, parameter))
            {
                if (use.Parent is IAssignmentOperation assignment && assignment.Target == use)
                {
                    return false;
                }
            }

            var calls = 0;
            var scope = method.MethodKind == MethodKind.LocalFunction ? method.ContainingSymbol : method.ContainingType;
            foreach (var reference in scope.DeclaringSyntaxReferences)
            {
                var model = context.Helpers.ModelOf(reference.SyntaxTree);
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

                    var call = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent;
                    if (call is not InvocationExpressionSyntax invocation
                        || model.GetOperation(invocation) is not IInvocationOperation operation
                        || !SymbolEqualityComparer.Default.Equals(operation.TargetMethod.OriginalDefinition, method))
                    {
                        if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, method))
                        {
                            return false;
                        }

                        continue;
                    }

                    if (Argument(operation, parameter) is not { } value
                        || BlockingSocketCall.ReferencedSymbol(value) is IParameterSymbol
                        || !test(value, FactsFor(value, operation, parameter.ContainingSymbol, context)))
                    {
                        return false;
                    }

                    calls++;
                }
            }

            return calls > 0;
        }

        /// <summary>
        /// The facts to read a value with: those of the calling function, or, for a local captured from an enclosing
        /// function (declared outside the lambda that makes the call), those of the outermost function, whose one walk
        /// covers its lambdas too.
        /// </summary>
        private static FunctionFacts FactsFor(IOperation value, IOperation call, ISymbol containingSymbol, ReceiveContext context)
        {
            var caller = context.Functions.Get(AsyncCode.EnclosingFunction(call, containingSymbol, out _));
            if (BlockingSocketCall.ReferencedSymbol(value) is not ILocalSymbol local || caller.TryGetDeclaredValue(local, out _))
            {
                return caller;
            }

            var root = call;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return context.Functions.Get(root);
        }

        /// <summary>The function that declares the parameter: the function itself, or one around it (a lambda inside the method).</summary>
        private static IOperation? Declaring(IOperation function, IMethodSymbol method)
        {
            for (var current = function; ; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local && SymbolEqualityComparer.Default.Equals(local.Symbol, method))
                {
                    return current;
                }

                if (current.Parent is null)
                {
                    return method.MethodKind == MethodKind.LocalFunction ? null : current;
                }
            }
        }

        private static IOperation? Argument(IInvocationOperation call, IParameterSymbol parameter)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } bound && bound.Ordinal == parameter.Ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }
    }
}
