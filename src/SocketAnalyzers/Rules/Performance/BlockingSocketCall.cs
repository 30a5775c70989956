using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// Recognizes a blocking socket call (<see cref="ApiTraits.Blocking"/> in <see cref="ProtocolApiMap"/>) whose
    /// task-based asynchronous counterpart exists in the compilation, and the calls that cannot block because the code just
    /// checked that data (or a connection) is ready.
    /// </summary>
    internal static class BlockingSocketCall
    {
        /// <summary>
        /// A blocking socket call with a task-based counterpart: a member of the protocol map, or I/O on a reader,
        /// writer or stream wrapped around a network stream in <paramref name="function"/> (or held by a field that
        /// <paramref name="networkField"/> vouches for); null otherwise.
        /// </summary>
        public static BlockingCall? Find(IInvocationOperation invocation, KnownSocketSymbols symbols, FunctionFacts function, System.Func<IFieldSymbol, bool>? networkField = null) =>
            FindMember(invocation, symbols) is { } member
                ? BlockingCall.Of(member)
                : NetworkStreamWrappers.Find(invocation, function, symbols, networkField);

        /// <summary>Cheap first test: could <see cref="Find"/> return something for this call?</summary>
        public static bool MayBlock(IInvocationOperation invocation, KnownSocketSymbols symbols) =>
            FindMember(invocation, symbols) is not null || NetworkStreamWrappers.IsCandidate(invocation.TargetMethod);

        /// <summary>The protocol-map member of a blocking call with a task-based counterpart, or null.</summary>
        public static ProtocolMember? FindMember(IInvocationOperation invocation, KnownSocketSymbols symbols) =>
            FindMember(invocation.TargetMethod, symbols);

        /// <summary>The protocol-map member of a blocking method with a task-based counterpart, or null.</summary>
        public static ProtocolMember? FindMember(IMethodSymbol method, KnownSocketSymbols symbols)
        {
            if (symbols.FindMember(method) is not { AsyncCounterpart: { } counterpart } member
                || !member.Has(ApiTraits.Blocking))
            {
                return null;
            }

            return HasMethod(method.ContainingType, counterpart, symbols) ? member : null;
        }

        /// <summary>
        /// The one blocking member every candidate of an invocation that does not bind is (<see cref="UnboundInvocation"/>):
        /// <c>Socket.Connect</c> for <c>socket.Connect(point.ToIPEndPoint())</c> whose argument's type is missing.
        /// </summary>
        public static ProtocolMember? FindMember(UnboundInvocation invocation, KnownSocketSymbols symbols)
        {
            ProtocolMember? found = null;
            foreach (var candidate in invocation.Candidates)
            {
                if (FindMember(candidate, symbols) is not { } member || (found is not null && !ReferenceEquals(found, member)))
                {
                    return null;
                }

                found = member;
            }

            return found;
        }

        /// <summary>How the member is named in messages: <c>Socket.Receive</c>.</summary>
        public static string Display(ProtocolMember member) => member.Api + "." + member.Name;

        /// <summary>The location of the member name of a call (<c>Receive</c> in <c>s.Receive(b)</c>).</summary>
        public static Location NameLocation(IOperation invocation) =>
            invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : invocation.Syntax is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding }
                    ? binding.Name.GetLocation()
                    : invocation.Syntax.GetLocation();

        /// <summary>
        /// True when the call cannot block: the receiver was made non-blocking (<c>Blocking = false</c>) in this
        /// function, or the call sits in the true branch of a check of <c>Available</c>, <c>DataAvailable</c>,
        /// <c>Poll</c> or <c>Pending</c> on the same receiver.
        /// </summary>
        public static bool IsKnownReady(IInvocationOperation invocation, FunctionFacts function) =>
            IsKnownReady(invocation, ReferencedSymbol(invocation.Instance), function);

        /// <summary><see cref="IsKnownReady(IInvocationOperation, FunctionFacts)"/> for a call whose receiver is given.</summary>
        public static bool IsKnownReady(IOperation call, ISymbol? receiver, FunctionFacts function)
        {
            if (receiver is null)
            {
                return false;
            }

            IOperation child = call;
            for (var parent = call.Parent; parent is not null && child != function.Operation; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && conditional.WhenTrue == child && ChecksReadiness(conditional.Condition, receiver))
                {
                    return true;
                }

                if (parent is IWhileLoopOperation loop && loop.Body == child && loop.Condition is { } condition && ChecksReadiness(condition, receiver))
                {
                    return true;
                }
            }

            return function.IsMadeNonBlocking(receiver);
        }

        /// <summary>
        /// The receiver symbol of a call that does not bind: its operation's, or, where the compiler could not tell a
        /// property from its type of the same name (<c>Socket.Connect(…)</c> with a property <c>Socket</c>), the
        /// semantic model's.
        /// </summary>
        public static ISymbol? ReceiverSymbol(UnboundInvocation invocation, CancellationToken cancellationToken) =>
            ReferencedSymbol(invocation.Receiver)
            ?? (invocation.Receiver.SemanticModel?.GetSymbolInfo(invocation.Receiver.Syntax, cancellationToken).Symbol is
                { Kind: SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property } symbol ? symbol : null);

        /// <summary>The local, parameter, field or property an operation reads, through conversions.</summary>
        public static ISymbol? ReferencedSymbol(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
        }

        private static bool ChecksReadiness(IOperation condition, ISymbol receiver)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                var instance = operation switch
                {
                    IPropertyReferenceOperation { Property.Name: "Available" or "DataAvailable" } property => property.Instance,
                    IInvocationOperation { TargetMethod.Name: "Poll" or "Pending" } call => call.Instance,
                    _ => null,
                };
                if (instance is not null && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(instance), receiver))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasMethod(INamedTypeSymbol? type, string name, KnownSocketSymbols symbols)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { DeclaredAccessibility: Accessibility.Public } method && ReturnsTask(method))
                    {
                        return true;
                    }
                }
            }

            // netstandard2.0 has the task-based Socket methods as extensions only.
            if (symbols.SocketTaskExtensions is { } extensions)
            {
                foreach (var member in extensions.GetMembers(name))
                {
                    if (member is IMethodSymbol method && ReturnsTask(method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Task-based: <c>ReceiveAsync(SocketAsyncEventArgs)</c>, which returns a bool, is no counterpart to await.</summary>
        private static bool ReturnsTask(IMethodSymbol method) =>
            method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };
    }
}
