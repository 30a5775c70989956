using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Expressions whose value is a new socket the evaluating code owns: a creation or an accept.</summary>
    internal static class OwnershipSources
    {
        public static bool IsOwnedSource(IOperation? value, KnownSocketSymbols symbols)
        {
            switch (AwaitedValue.Of(value))
            {
                case IObjectCreationOperation creation:
                    // A NetworkStream made here owns a descriptor only when it owns its socket: not a source.
                    return symbols.TryGetApi(creation.Type, out var api) && api is SocketApi.Socket or SocketApi.TcpClient or SocketApi.UdpClient or SocketApi.TcpListener;
                case IInvocationOperation invocation:
                    return (symbols.FindMember(invocation.TargetMethod) is { } member && member.Has(ApiTraits.ReturnsAccepted))
                        || IsFromAsyncAccept(invocation, symbols);
                default:
                    return false;
            }
        }

        private static bool IsFromAsyncAccept(IInvocationOperation invocation, KnownSocketSymbols symbols)
        {
            if (invocation.TargetMethod.Name != "FromAsync")
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (RunOnceSinks.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
                    && symbols.FindMember(reference.Method) is { } member && member.Has(ApiTraits.ReturnsAccepted))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
