using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// What the lifetime rules know about single operations: which values are sockets the code owns, and which calls
    /// dispose one. Facts from socket-semantics (J7): a NetworkStream owns its socket only with ownsSocket: true;
    /// TcpClient.GetStream() and TcpClient.Client belong to the TcpClient; TcpListener.Stop() disposes its socket.
    /// </summary>
    internal static class OwnershipFacts
    {
        /// <summary>Attribute names (any namespace) that mark a method whose result the caller must dispose.</summary>
        public const string MustDisposeResource = "MustDisposeResourceAttribute";

        /// <summary>Attribute names (any namespace) that mark a parameter whose callee takes ownership.</summary>
        public const string HandlesResourceDisposal = "HandlesResourceDisposalAttribute";

        /// <summary>Our own attribute name, for users without JetBrains.Annotations: on a parameter, the callee takes ownership.</summary>
        public const string TakesOwnership = "TakesOwnershipAttribute";

        /// <summary>
        /// Whether <paramref name="value"/> (conversions, parentheses and awaits looked through) makes a socket object
        /// that whoever receives it must dispose: a constructor of a socket API type (a NetworkStream only with
        /// ownsSocket: true), an Accept* result, or a method annotated [MustDisposeResource].
        /// </summary>
        public static bool IsOwnedCreation(IOperation? value, KnownSocketSymbols symbols, out SocketApi api)
        {
            api = default;
            var awaited = ContainsAwait(value);
            value = Unwrap(value);
            switch (value)
            {
                case IObjectCreationOperation creation when symbols.TryGetApi(creation.Type, out api):
                    return api != SocketApi.NetworkStream || OwnsSocketArgument(creation);
                case IInvocationOperation invocation when symbols.TryGetApi(awaited ? TaskResultType(invocation.Type) : invocation.Type, out api):
                    return symbols.FindMember(invocation.TargetMethod) is { } member && member.Has(ApiTraits.ReturnsAccepted)
                        || HasAttribute(invocation.TargetMethod.GetAttributes(), MustDisposeResource)
                        || HasAttribute(invocation.TargetMethod.GetReturnTypeAttributes(), MustDisposeResource);
                default:
                    return false;
            }
        }

        /// <summary>Whether the call closes its receiver: Close/Dispose/DisposeAsync of a socket API type, TcpListener.Stop.</summary>
        public static bool IsDisposal(IInvocationOperation invocation, KnownSocketSymbols symbols)
        {
            if (symbols.FindMember(invocation.TargetMethod) is { } member)
            {
                return member.Operation == SocketOperation.Close || (member.Api == SocketApi.TcpListener && member.Operation == SocketOperation.Stop);
            }

            // ((IDisposable)socket).Dispose(), ((IAsyncDisposable)stream).DisposeAsync() on a socket-typed receiver.
            var name = invocation.TargetMethod.Name;
            return (name == "Dispose" || name == "DisposeAsync")
                && invocation.TargetMethod.Parameters.Length == 0
                && symbols.TryGetApi(Unwrap(invocation.Instance)?.Type, out _);
        }

        /// <summary>Whether the parameter is annotated as taking ownership ([HandlesResourceDisposal] or [TakesOwnership]).</summary>
        public static bool TakesOwnershipByAttribute(IParameterSymbol? parameter) =>
            parameter is not null
            && (HasAttribute(parameter.GetAttributes(), HandlesResourceDisposal) || HasAttribute(parameter.GetAttributes(), TakesOwnership));

        /// <summary>The value with conversions, parentheses and awaits looked through.</summary>
        public static IOperation? Unwrap(IOperation? value) => Flow.Tracking.AwaitedValue.Of(value);

        public static bool HasAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass?.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>T of Task&lt;T&gt; / ValueTask&lt;T&gt;: what an await of the call gives.</summary>
        private static ITypeSymbol? TaskResultType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && (named.Name == "Task" || named.Name == "ValueTask")
                ? named.TypeArguments[0]
                : null;

        private static bool ContainsAwait(IOperation? value)
        {
            for (; value is not null; value = value switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => null,
            })
            {
                if (value is IAwaitOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool OwnsSocketArgument(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { Name: "ownsSocket" }
                    && argument.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
