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

        /// <summary>Narrows <paramref name="state"/> in place, assuming <paramref name="condition"/> evaluates to <paramref name="holds"/>.</summary>
        public static void Narrow(FlowState state, IOperation? condition, bool holds, ObjectTable table)
        {
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = not.Operand;
                holds = !holds;
            }

            if (condition is IConversionOperation conversion)
            {
                Narrow(state, conversion.Operand, holds, table);
                return;
            }

            if (NullTested(condition, ref holds) is { } tested)
            {
                NarrowNull(state, tested, holds, table);
                return;
            }

            if (condition is not IPropertyReferenceOperation { Instance: { } instance } property)
            {
                return;
            }

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
            if (Peek(state, instance) is { IsSingleObject: true } objects)
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

        /// <summary>
        /// The operand of a null test (<c>x == null</c>, <c>x != null</c>, <c>x is null</c>, <c>x is not null</c>, the
        /// graph's own test before <c>using</c> disposes and in <c>x?.</c>); <paramref name="holds"/> becomes "x is null".
        /// </summary>
        private static IOperation? NullTested(IOperation? condition, ref bool holds)
        {
            switch (condition)
            {
                case IIsNullOperation isNull:
                    return isNull.Operand;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when IsNullLiteral(binary.RightOperand) || IsNullLiteral(binary.LeftOperand):
                    holds = binary.OperatorKind == BinaryOperatorKind.Equals ? holds : !holds;
                    return IsNullLiteral(binary.RightOperand) ? binary.LeftOperand : binary.RightOperand;
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when IsNullLiteral(constant.Value):
                    return pattern.Value;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } pattern when IsNullLiteral(constant.Value):
                    holds = !holds;
                    return pattern.Value;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Where the tested reference is null, none of the objects it may name is held through it: the path does not
        /// own them (they were not made on it, or belong to another reference). Only ownership changes; the lifetime
        /// rules would otherwise see the null branch of <c>using</c> as a path that skips Dispose.
        /// </summary>
        private static void NarrowNull(FlowState state, IOperation tested, bool isNull, ObjectTable table)
        {
            if (!isNull || Peek(state, tested) is not { HasNoObject: false } objects)
            {
                return;
            }

            foreach (var id in objects)
            {
                Disown(state, id);

                // A stream from GetStream() is never null: the branch is dead, and the client it came from (whose
                // disposal the stream's using stands for, J7) must not look open on it either.
                if (table.Get(id).WrappedBy is { } wrapper)
                {
                    Disown(state, wrapper);
                }
            }
        }

        private static void Disown(FlowState state, int id)
        {
            if (state.GetObject(id) is { } value && (value.Ownership & Ownership.Owned) != 0)
            {
                state.SetObject(id, value.WithOwnership(value.Ownership & ~Ownership.Owned));
            }
        }

        private static bool IsNullLiteral(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue is { HasValue: true, Value: null };
        }

        private static bool IsProtocolType(SocketApi api, IPropertySymbol property) =>
            api is SocketApi.Socket or SocketApi.TcpClient || (api == SocketApi.UdpClient && property.Name == "Connected");

        /// <summary>The objects a side-effect-free reference names; untracked for anything else.</summary>
        private static PointsTo Peek(FlowState state, IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            var variable = operation switch
            {
                ILocalReferenceOperation local => FlowVariable.Of(local.Local),
                IParameterReferenceOperation parameter => FlowVariable.Of(parameter.Parameter),
                IFlowCaptureReferenceOperation capture => FlowVariable.Of(capture.Id),
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => FlowVariable.Of(field.Field),
                _ => default(FlowVariable?),
            };
            return variable is { } known && state.TryGetVariable(known, out var objects) ? objects : PointsTo.Untracked;
        }
    }
}
