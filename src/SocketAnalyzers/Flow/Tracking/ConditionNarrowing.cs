using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Narrows the state on the branch where a test holds: <c>s.Connected</c> is true only for a connected socket
    /// (it may be false for one whose peer vanished, so its false branch learns nothing); <c>s.IsBound</c> is true
    /// exactly from Bind (explicit or implicit) on, and stays true after Close.
    /// </summary>
    internal static class ConditionNarrowing
    {
        private static readonly SocketStates ConnectedStates = SocketStates.Of(Connected, ShutdownSend, ShutdownReceive, ShutdownBoth);
        private static readonly SocketStates BoundStates = SocketStates.Of(Bound, Listening, Connected, ShutdownSend, ShutdownReceive, ShutdownBoth, Closed);
        private static readonly SocketStates UnboundStates = SocketStates.Of(Created, Closed);

        /// <summary>
        /// Narrows <paramref name="state"/> in place, assuming <paramref name="condition"/> evaluates to
        /// <paramref name="holds"/>; false when that cannot happen (a null test on a value known not to be null).
        /// </summary>
        public static bool Narrow(FlowState state, IOperation? condition, bool holds)
        {
            while (true)
            {
                switch (condition)
                {
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        condition = not.Operand;
                        holds = !holds;
                        continue;
                    case IConversionOperation conversion:
                        condition = conversion.Operand;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } compared
                        when BoolConstant(compared.RightOperand) is { } right:
                        // s.Connected == false, s.IsBound != true, …
                        holds = holds == (right == (compared.OperatorKind == BinaryOperatorKind.Equals));
                        condition = compared.LeftOperand;
                        continue;
                    case IIsPatternOperation { Pattern: IConstantPatternOperation constantPattern } isPattern when BoolConstant(constantPattern.Value) is { } value:
                        holds = holds == value;
                        condition = isPattern.Value;
                        continue;
                    case IIsNullOperation isNull:
                        return NarrowNull(state, isNull.Operand, holds);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                        when IsNullConstant(binary.RightOperand) || IsNullConstant(binary.LeftOperand):
                        var tested = IsNullConstant(binary.RightOperand) ? binary.LeftOperand : binary.RightOperand;
                        return NarrowNull(state, tested, holds == (binary.OperatorKind == BinaryOperatorKind.Equals));
                    case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when IsNullConstant(constant.Value):
                        return NarrowNull(state, pattern.Value, holds);
                    case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } pattern when IsNullConstant(constant.Value):
                        return NarrowNull(state, pattern.Value, !holds);
                    case IIsPatternOperation { Pattern: IDeclarationPatternOperation or ITypePatternOperation } typeTest:
                        return NarrowTypeTest(state, typeTest, holds);
                    case IPropertyReferenceOperation { Instance: { } instance } property:
                        NarrowProperty(state, property, instance, holds);
                        return true;
                    default:
                        return true;
                }
            }
        }

        private static void NarrowProperty(FlowState state, IPropertyReferenceOperation property, IOperation instance, bool holds)
        {
            SocketStates keep;
            switch (property.Property.Name)
            {
                case "Connected" when holds:
                    keep = ConnectedStates;
                    break;
                case "IsBound":
                    keep = holds ? BoundStates : UnboundStates;
                    break;
                default:
                    return;
            }

            // Only a receiver known to be one object can be narrowed: with two candidates the test tells which.
            if (Peek(state, instance, out _) is { IsSingleObject: true } objects)
            {
                foreach (var id in objects)
                {
                    if (state.GetObject(id) is { IsUnknown: false } value && IsProtocolType(value.Api, property.Property))
                    {
                        state.SetObject(id, value.Narrow(keep));
                    }
                }
            }
        }

        private static bool NarrowNull(FlowState state, IOperation tested, bool isNull)
        {
            var objects = Peek(state, tested, out var variable);
            if (variable is not { } known || objects.MayBeUntracked)
            {
                return true;
            }

            if (isNull)
            {
                // Only null survives; a value that cannot be null makes this branch unreachable.
                if (!objects.MayBeNull)
                {
                    return objects.Equals(PointsTo.Nothing);
                }

                state.SetVariable(known, PointsTo.Null);
                state.ForgetAbsentOnNull(known, objects);
                return true;
            }

            state.SetVariable(known, objects.WithoutNull);
            return true;
        }

        /// <summary>
        /// <c>o is Socket s</c>: where it holds, <c>s</c> is the tested object; where it fails, a value known to be that
        /// socket type can only have been null (a state argument read back as the socket it is).
        /// </summary>
        private static bool NarrowTypeTest(FlowState state, IIsPatternOperation test, bool holds)
        {
            var objects = Peek(state, test.Value, out var variable);
            if (variable is not { } known || objects.MayBeUntracked)
            {
                return true;
            }

            var matched = test.Pattern is IDeclarationPatternOperation declaration ? declaration.MatchedType : ((ITypePatternOperation)test.Pattern).MatchedType;
            if (holds)
            {
                if (test.Pattern is IDeclarationPatternOperation { DeclaredSymbol: { } declared })
                {
                    state.SetVariable(FlowVariable.Of(declared), objects.WithoutNull);
                }

                return true;
            }

            foreach (var id in objects)
            {
                if (state.GetObject(id) is not { } value || matched?.Name != value.Api.ToString()
                    || matched.ContainingNamespace?.ToDisplayString() != ProtocolApiMap.SocketsNamespace)
                {
                    return true;
                }
            }

            return NarrowNull(state, test.Value, isNull: true);
        }

        private static bool? BoolConstant(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;

        private static bool IsNullConstant(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue is { HasValue: true, Value: null };
        }

        private static bool IsProtocolType(SocketApi api, IPropertySymbol property) =>
            api == SocketApi.Socket || (api == SocketApi.TcpClient && property.Name == "Connected");

        /// <summary>The objects a side-effect-free reference names; untracked for anything else.</summary>
        private static PointsTo Peek(FlowState state, IOperation operation, out FlowVariable? variable)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            variable = operation switch
            {
                ILocalReferenceOperation local => FlowVariable.Of(local.Local),
                IParameterReferenceOperation parameter => FlowVariable.Of(parameter.Parameter),
                IFlowCaptureReferenceOperation capture => FlowVariable.Of(capture.Id),
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => FlowVariable.Of(field.Field),
                _ => default(FlowVariable?),
            };
            if (variable is { } known && state.TryGetVariable(known, out var objects))
            {
                return objects;
            }

            variable = null;
            return PointsTo.Untracked;
        }
    }
}
