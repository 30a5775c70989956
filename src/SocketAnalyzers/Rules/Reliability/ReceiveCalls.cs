using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Rules.Performance;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Recognizes receives whose result is a byte count (<see cref="ApiTraits.ReturnsReceivedCount"/>):
    /// Socket.Receive*, NetworkStream.Read*, and Stream.Read* on a local that holds a NetworkStream.
    /// </summary>
    internal static partial class ReceiveCalls
    {
        /// <summary>The member of a receive that returns a byte count, or null.</summary>
        /// <remarks>
        /// Not UdpClient.Receive (it returns the datagram itself, sized to fit), nor ReadAtLeast (it throws at the end
        /// of the stream unless told not to, and its count is at least the minimum asked for).
        /// </remarks>
        public static ProtocolMember? FindCountingReceive(IInvocationOperation invocation, KnownSocketSymbols symbols, FunctionFacts function)
        {
            var member = FindStreamOrSocketMember(invocation, symbols, function);
            return member is { Api: SocketApi.Socket or SocketApi.NetworkStream } && member.Has(ApiTraits.ReturnsReceivedCount) && member.Name != "ReadAtLeast"
                ? member
                : null;
        }

        /// <summary>
        /// What a call is to the receive rules: a counting receive, a network stream's ReadByte (-1 at the end of the
        /// stream), or a helper of the compilation that returns a received count or swallows the end of the stream
        /// (<see cref="ReceiveHelperCache"/>); null for anything else.
        /// </summary>
        public static ReceiveSite? FindReceive(IInvocationOperation invocation, ReceiveContext context, FunctionFacts function, CancellationToken cancellationToken) =>
            FindReceive(invocation, context, function, includeSilentHelpers: true, cancellationToken);

        /// <summary>As above; without <paramref name="includeSilentHelpers"/>, only helpers that return a count are read (SOCK401's question).</summary>
        public static ReceiveSite? FindReceive(IInvocationOperation invocation, ReceiveContext context, FunctionFacts function, bool includeSilentHelpers, CancellationToken cancellationToken)
        {
            if (FindCountingReceive(invocation, context.Symbols, function) is { } member)
            {
                return ReceiveSite.Api(invocation, member, readsOneByte: false);
            }

            if (invocation.TargetMethod.Name == "ReadByte")
            {
                return FindStreamOrSocketMember(invocation, context.Symbols, function) is { Api: SocketApi.NetworkStream } readByte
                    ? ReceiveSite.Api(invocation, readByte, readsOneByte: true)
                    : null;
            }

            if (FindReaderReceive(invocation, context, function) is { } read)
            {
                return read;
            }

            if (!context.Helpers.IsInCompilation(invocation.TargetMethod)
                || !(HelperSummary.ReturnsCountType(invocation.TargetMethod.ReturnType) || (includeSilentHelpers && HelperSummary.ReturnsNothingTested(invocation.TargetMethod))))
            {
                return null;
            }

            var facts = context.Helpers.Get(invocation.TargetMethod, cancellationToken);
            return facts.ReturnsCount ? ReceiveSite.Helper(invocation, returnsCount: true)
                : facts.SwallowsEndOfStream ? ReceiveSite.Helper(invocation, returnsCount: false)
                : null;
        }

        /// <summary>The protocol-map member of a call, reading <c>Stream.Read*</c> on a local that holds a NetworkStream as the NetworkStream member.</summary>
        private static ProtocolMember? FindStreamOrSocketMember(IInvocationOperation invocation, KnownSocketSymbols symbols, FunctionFacts function)
        {
            var member = symbols.FindMember(invocation.TargetMethod);
            if (member is null && invocation.TargetMethod is { Name: "Read" or "ReadAsync" or "ReadByte" or "EndRead", ContainingType: { Name: "Stream", ContainingNamespace.Name: "IO" } }
                && ((symbols.TryGetApi(invocation.Instance?.Type, out var receiverApi) && receiverApi == SocketApi.NetworkStream)
                    || HoldsNetworkStream(invocation.Instance, function, symbols)))
            {
                member = ProtocolApiMap.Find(SocketApi.NetworkStream, invocation.TargetMethod.Name);
            }

            return member;
        }

        /// <summary>
        /// A receive of one byte (a size argument of 1, or a buffer of length 1 made here or in a readonly field's
        /// initializer) returns 1 or 0: there is no partial read to miss, only the end of the stream (SOCK402's concern).
        /// </summary>
        public static bool RequestsOneByte(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "size" or "count" } && argument.Value.ConstantValue is { HasValue: true, Value: 1 })
                {
                    return true;
                }
            }

            if (Buffer(invocation) is not { } value)
            {
                return false;
            }

            return value switch
            {
                IArrayCreationOperation creation => IsOneElementArray(creation),
                IFieldReferenceOperation { Field.IsReadOnly: true } field => IsOneElementInitializer(field.Field),
                _ => false,
            };
        }

        private static bool IsOneElementArray(IArrayCreationOperation creation) =>
            creation.DimensionSizes.Length == 1 && creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 1 };

        private static bool IsOneElementInitializer(IFieldSymbol field)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: var value })
                {
                    var elements = value switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.ArrayCreationExpressionSyntax { Initializer: { } list } => list.Expressions.Count,
                        Microsoft.CodeAnalysis.CSharp.Syntax.ArrayCreationExpressionSyntax { Type.RankSpecifiers: { Count: 1 } ranks }
                            when ranks[0].Sizes.Count == 1 && ranks[0].Sizes[0] is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token.Value: 1 } => 1,
                        Microsoft.CodeAnalysis.CSharp.Syntax.ImplicitArrayCreationExpressionSyntax { Initializer: var list } => list.Expressions.Count,
                        _ => -1,
                    };
                    return elements == 1;
                }
            }

            return false;
        }

        /// <summary>
        /// A receive into a buffer sized by <c>Available</c> (<c>new byte[client.Available]</c>, inline or in a local
        /// every definition of which is such): those bytes have already arrived (D15), so the receive fills the buffer.
        /// </summary>
        public static bool ReadsWhatIsAvailable(IInvocationOperation invocation, FunctionFacts function, KnownSocketSymbols symbols)
        {
            if (Buffer(invocation) is not { } value)
            {
                return false;
            }

            if (value is IArrayCreationOperation creation)
            {
                return IsSizedByAvailable(creation, symbols);
            }

            if (value is IFieldReferenceOperation field)
            {
                return SizedByAvailableJustBefore(invocation, field.Field, symbols);
            }

            if (value is not ILocalReferenceOperation local)
            {
                return false;
            }

            var definitions = function.Definitions(local.Local);
            if (definitions.Count == 0)
            {
                return false;
            }

            foreach (var definition in definitions)
            {
                if (definition is not IArrayCreationOperation sized || !IsSizedByAvailable(sized, symbols))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A field buffer the statement right before the receive's, in the same block, sets to an Available-sized array
        /// (<c>msg = new byte[s.Available]; s.Receive(msg, msg.Length, SocketFlags.None);</c>): nothing runs between.
        /// </summary>
        private static bool SizedByAvailableJustBefore(IInvocationOperation invocation, IFieldSymbol field, KnownSocketSymbols symbols)
        {
            IOperation statement = invocation;
            while (statement.Parent is { } parent && parent is not IBlockOperation)
            {
                statement = parent;
            }

            if (statement.Parent is not IBlockOperation block)
            {
                return false;
            }

            var index = block.Operations.IndexOf(statement);
            return index > 0
                && block.Operations[index - 1] is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IFieldReferenceOperation target, Value: var assigned } }
                && SymbolEqualityComparer.Default.Equals(target.Field, field)
                && Unconverted(assigned) is IArrayCreationOperation creation && IsSizedByAvailable(creation, symbols);
        }

        private static IOperation Unconverted(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static bool IsSizedByAvailable(IArrayCreationOperation creation, KnownSocketSymbols symbols)
        {
            if (creation.DimensionSizes.Length != 1)
            {
                return false;
            }

            var size = creation.DimensionSizes[0];
            while (size is IConversionOperation conversion)
            {
                size = conversion.Operand;
            }

            return size is IPropertyReferenceOperation { Property.Name: "Available" } available
                && symbols.TryGetApi(available.Property.ContainingType, out _);
        }

        /// <summary>The object a receive reads from, without conversions: through <c>client.GetStream()</c> to the client.</summary>
        public static IOperation? Receiver(IOperation? instance)
        {
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            return instance is IInvocationOperation { TargetMethod.Name: "GetStream", Instance: { } client } ? client : instance;
        }

        /// <summary>The buffer a receive reads into (its first argument), without conversions; null when there is none.</summary>
        public static IOperation? Buffer(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length == 0)
            {
                return null;
            }

            var value = invocation.Arguments[0].Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        /// <summary>A receive into an empty buffer waits for data without consuming it (D16): its count means nothing.</summary>
        public static bool HasEmptyBuffer(IInvocationOperation invocation)
        {
            if (Buffer(invocation) is not { } value)
            {
                return false;
            }

            return value switch
            {
                IPropertyReferenceOperation { Property.Name: "Empty" } => true,
                IInvocationOperation { TargetMethod.Name: "Empty", TargetMethod.ContainingType.Name: "Array" } => true,
                IArrayCreationOperation { DimensionSizes.Length: 1 } creation => creation.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 },
                IDefaultValueOperation => true,
                _ => false,
            };
        }

        private static bool HoldsNetworkStream(IOperation? instance, FunctionFacts function, KnownSocketSymbols symbols)
        {
            if (BlockingSocketCall.ReferencedSymbol(instance) is not ILocalSymbol local)
            {
                return false;
            }

            var definitions = function.Definitions(local);
            for (var i = 0; i < definitions.Count; i++)
            {
                var value = definitions[i];
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (!symbols.TryGetApi(value.Type, out var api) || api != SocketApi.NetworkStream)
                {
                    return false;
                }
            }

            return definitions.Count > 0;
        }
    }
}
