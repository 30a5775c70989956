using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>The value an expression stands for, looked through conversions, parentheses, awaits and ConfigureAwait.</summary>
    internal static class AwaitedValue
    {
        public static IOperation? Of(IOperation? value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        value = parenthesized.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        value = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                        value = task;
                        continue;
                    default:
                        return value;
                }
            }
        }
    }
}
