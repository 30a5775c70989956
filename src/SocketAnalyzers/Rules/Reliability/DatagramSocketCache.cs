using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Whether a field or parameter of the compilation only ever holds a datagram socket: a field whose initializer and
    /// every assignment in its type are <c>new Socket(…, SocketType.Dgram, …)</c> or <c>udpClient.Client</c>; a parameter
    /// of a private method or local function never assigned in it, every call of which (in its type) passes such a
    /// socket. One answer per symbol and compilation (thread-safe; both racing threads compute the same answer).
    /// </summary>
    internal sealed class DatagramSocketCache
    {
        private readonly ReceiveHelperCache helpers;
        private readonly ConcurrentDictionary<ISymbol, bool> answers = new(SymbolEqualityComparer.Default);
        private readonly ReceiveContext context;

        public DatagramSocketCache(ReceiveHelperCache helpers, ReceiveContext context)
        {
            this.helpers = helpers;
            this.context = context;
        }

        /// <summary>Whether every call of the parameter's method passes a datagram socket for it (<paramref name="function"/>: the method's facts).</summary>
        public bool IsDatagram(IParameterSymbol parameter, FunctionFacts function, KnownSocketSymbols symbols)
        {
            parameter = parameter.OriginalDefinition;
            if (this.answers.TryGetValue(parameter, out var known))
            {
                return known;
            }

            var answer = this.Compute(parameter, function, symbols);
            this.answers.TryAdd(parameter, answer);
            return answer;
        }

        private bool Compute(IParameterSymbol parameter, FunctionFacts function, KnownSocketSymbols symbols)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None
                || !(method.MethodKind == MethodKind.LocalFunction || (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Private)))
            {
                return false;
            }

            foreach (var use in this.context.Uses.Of(function.Operation, parameter))
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
                var model = this.helpers.ModelOf(reference.SyntaxTree);
                foreach (var node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name)
                    {
                        continue;
                    }

                    // Every mention must be a call of the method that passes a datagram socket: a method group may be called by anyone.
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

                    if (!PassesDatagram(operation, parameter, symbols))
                    {
                        return false;
                    }

                    calls++;
                }
            }

            return calls > 0;
        }

        private bool PassesDatagram(IInvocationOperation call, IParameterSymbol parameter, KnownSocketSymbols symbols)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } bound && bound.Ordinal == parameter.Ordinal)
                {
                    var caller = this.context.Functions.Get(AsyncCode.EnclosingFunction(call, parameter.ContainingSymbol, out _));
                    var value = argument.Value;
                    return BlockingSocketCall.ReferencedSymbol(value) is not IParameterSymbol
                        && ReceiveCalls.IsKnownDatagram(value, caller, symbols, this);
                }
            }

            return false;
        }

        /// <summary>Whether the field only ever holds a datagram socket.</summary>
        public bool IsDatagram(IFieldSymbol field, KnownSocketSymbols symbols)
        {
            field = field.OriginalDefinition;
            if (this.answers.TryGetValue(field, out var known))
            {
                return known;
            }

            var answer = this.Compute(field, symbols);
            this.answers.TryAdd(field, answer);
            return answer;
        }

        private bool Compute(IFieldSymbol field, KnownSocketSymbols symbols) =>
            StoredFieldValues.All(field, this.helpers.ModelOf, (model, value) => model.GetOperation(value) is { } operation && ReceiveCalls.IsDatagramSocket(operation, symbols));
    }
}
