using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Symbols
{
    /// <summary>Reads constant enum arguments (AddressFamily, SocketType, ProtocolType, SocketShutdown, …) of a call.</summary>
    internal static class SocketArguments
    {
        /// <summary>The constant integer value of the argument bound to parameter <paramref name="ordinal"/>, when it has the expected enum type.</summary>
        public static bool TryGetConstant(IOperation call, int ordinal, INamedTypeSymbol? expectedType, out int value)
        {
            value = 0;
            if (Find(call, ordinal) is not { } argument
                || expectedType is null
                || !SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, expectedType))
            {
                return false;
            }

            var constant = argument.Value.ConstantValue;
            if (!constant.HasValue || constant.Value is null)
            {
                return false;
            }

            try
            {
                value = System.Convert.ToInt32(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
                return true;
            }
            catch (System.OverflowException)
            {
                return false;
            }
        }

        /// <summary>The constant integer value of an argument of any enum or integral type, or null.</summary>
        public static int? ConstantOrNull(IOperation call, int ordinal)
        {
            if (Find(call, ordinal)?.Value.ConstantValue is { HasValue: true, Value: { } raw } && raw is System.IConvertible)
            {
                try
                {
                    return System.Convert.ToInt32(raw, System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (System.Exception e) when (e is System.OverflowException || e is System.FormatException || e is System.InvalidCastException)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The argument as written, for messages (e.g. <c>SocketType.Dgram</c>).</summary>
        public static string Display(IOperation call, int ordinal) =>
            Find(call, ordinal)?.Value.Syntax.ToString() ?? "?";

        private static IArgumentOperation? Find(IOperation call, int ordinal)
        {
            var arguments = call switch
            {
                IObjectCreationOperation creation => creation.Arguments,
                IInvocationOperation invocation => invocation.Arguments,
                _ => default,
            };
            if (arguments.IsDefault)
            {
                return null;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
