using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// <c>Socket.Poll</c> and <c>Socket.Select</c> with a timeout, in a loop that never awaits: the loop waits on the
    /// socket with the thread held, as a blocking receive or accept would. A timeout of 0 only probes and returns at
    /// once; a timeout the code does not state as a constant is left alone.
    /// </summary>
    internal static class TimedPoll
    {
        /// <summary>The message's "use instead": awaiting the operation the poll waits for.</summary>
        public const string Counterpart = "an awaited ReceiveAsync/AcceptAsync with a CancellationToken";

        /// <summary>Cheap test on the method alone: Socket.Poll or Socket.Select.</summary>
        public static bool IsCandidate(IMethodSymbol method, KnownSocketSymbols symbols) =>
            method.Name is "Poll" or "Select" && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Socket);

        /// <summary>The blocking call a Poll/Select is here, or null.</summary>
        public static BlockingCall? Find(IInvocationOperation invocation, IOperation function, KnownSocketSymbols symbols)
        {
            var method = invocation.TargetMethod;
            if (!IsCandidate(method, symbols)
                || !HasWaitingTimeout(invocation)
                || LoopWithoutAwait(invocation, function) is null)
            {
                return null;
            }

            return new BlockingCall("Socket." + method.Name, Counterpart, SocketAnalyzers.Protocol.SocketOperation.None, isNameLookup: false);
        }

        /// <summary>A constant timeout other than 0 (negative waits for ever), or a TimeSpan built from one.</summary>
        private static bool HasWaitingTimeout(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is not ("microSeconds" or "timeout" or "microseconds"))
                {
                    continue;
                }

                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value.ConstantValue.HasValue)
                {
                    return IsNonZeroNumber(value.ConstantValue.Value);
                }

                // TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1): a stated, non-zero wait.
                return value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: var name, ContainingType.Name: "TimeSpan" }, Arguments.Length: 1 } factory
                    && name.StartsWith("From", StringComparison.Ordinal)
                    && factory.Arguments[0].Value.ConstantValue is { HasValue: true } span
                    && IsNonZeroNumber(span.Value);
            }

            return false;
        }

        /// <summary>A number other than 0; anything else (a string in broken code, null) is no stated wait.</summary>
        private static bool IsNonZeroNumber(object? value) => value switch
        {
            int i => i != 0,
            long l => l != 0,
            short h => h != 0,
            double d => d != 0,
            float f => f != 0,
            _ => false,
        };

        /// <summary>The innermost loop of the function around the call, when its body has no await; otherwise null.</summary>
        private static ILoopOperation? LoopWithoutAwait(IOperation operation, IOperation function)
        {
            for (var current = operation.Parent; current is not null && current != function; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return null;
                }

                if (current is ILoopOperation loop)
                {
                    foreach (var inner in loop.Descendants())
                    {
                        if (inner is IAwaitOperation)
                        {
                            return null;
                        }
                    }

                    return loop;
                }
            }

            return null;
        }
    }
}
