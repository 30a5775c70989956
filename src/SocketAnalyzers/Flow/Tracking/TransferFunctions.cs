using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The transfer functions: how each operation of a basic block changes the flow state. Expressions are walked
    /// in evaluation order; each returns the objects its value may be (<see cref="PointsTo"/>).
    /// </summary>
    internal sealed partial class TransferFunctions
    {
        private readonly GraphAnalysis analysis;
        private FlowState state = null!;
        private ControlFlowRegion? region;
        private bool recording;

        public TransferFunctions(GraphAnalysis analysis) => this.analysis = analysis;

        /// <summary>The state at the current point of the block.</summary>
        public FlowState State => this.state;

        /// <summary>
        /// The block called something that never returns (<c>[DoesNotReturn]</c>, <c>Environment.Exit</c>, an infinite
        /// sleep): the rest of the block and its successors are not reached from here (<see cref="NeverReturns"/>).
        /// </summary>
        public bool Halted { get; private set; }

        /// <summary>Transfers <paramref name="block"/>'s statements from <paramref name="entry"/> (mutated in place).</summary>
        public void Transfer(BasicBlock block, FlowState entry, bool record)
        {
            this.state = entry;
            this.region = block.EnclosingRegion;
            this.recording = record;
            this.Halted = false;
            foreach (var operation in block.Operations)
            {
                this.Visit(operation);
                if (this.Halted)
                {
                    return;
                }
            }
        }

        /// <summary>Evaluates the block's branch value (condition, returned value, thrown exception).</summary>
        public PointsTo TransferBranchValue(BasicBlock block) =>
            block.BranchValue is { } value && !this.Halted ? this.Visit(value) : PointsTo.Nothing;

        internal PointsTo Visit(IOperation? operation)
        {
            switch (operation)
            {
                case null:
                    return PointsTo.Nothing;
                case IConversionOperation conversion:
                    // A cast from object or an interface to a socket type yields a socket the analysis did not see made.
                    var converted = this.Visit(conversion.Operand);
                    return converted.Equals(PointsTo.Nothing) ? this.UntrackedIfSocket(conversion) : converted;
                case IParenthesizedOperation parenthesized:
                    return this.Visit(parenthesized.Operand);
                case IFlowCaptureOperation capture:
                    var capturedValue = this.Visit(capture.Value);
                    if (!capturedValue.HasNoObject)
                    {
                        this.analysis.NoteCaptureHolding(capture.Id);
                    }

                    this.state.SetVariable(FlowVariable.Of(capture.Id), capturedValue);
                    return PointsTo.Nothing;
                case IFlowCaptureReferenceOperation captureReference:
                    return this.state.TryGetVariable(FlowVariable.Of(captureReference.Id), out var captured)
                        ? captured
                        : this.UntrackedIfSocket(captureReference);
                case ILocalReferenceOperation local:
                    return this.ReadVariable(local.Local, local);
                case IParameterReferenceOperation parameter:
                    return this.ReadVariable(parameter.Parameter, parameter);
                case IFieldReferenceOperation field:
                    return this.ReadMember(field, field.Field, field.Instance);
                case IPropertyReferenceOperation property:
                    return this.ReadProperty(property);
                case ISimpleAssignmentOperation assignment:
                    return this.Assign(assignment);
                case IVariableDeclaratorOperation declarator:
                    var initial = declarator.Initializer is { } initializer ? this.Visit(initializer.Value) : PointsTo.Nothing;
                    this.WriteVariable(declarator.Symbol, initial);
                    return PointsTo.Nothing;
                case IObjectCreationOperation creation:
                    return this.Create(creation);
                case IInvocationOperation invocation:
                    return this.Invoke(invocation);
                case IAwaitOperation awaited:
                    // Other code runs while this method waits: it may change fields and properties.
                    var result = this.Visit(awaited.Operation);
                    this.HavocMembers();
                    this.ReleaseHeld();
                    return result;
                case IArgumentOperation argument:
                    return this.Visit(argument.Value);
                case IExpressionStatementOperation statement:
                    this.Visit(statement.Operation);
                    return PointsTo.Nothing;
                case IFlowAnonymousFunctionOperation function:
                    this.analysis.OnNestedFunction(function, this.recording);
                    return PointsTo.Nothing;
                case IDeconstructionAssignmentOperation deconstruction:
                    this.EscapeAll(deconstruction.Value);
                    this.ForgetTargets(deconstruction.Target);
                    return PointsTo.Nothing;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
                case IDefaultValueOperation:
                    return PointsTo.Null;
                case IBinaryOperation or IUnaryOperation or IIsPatternOperation or IIsTypeOperation or IIsNullOperation
                    or IInterpolatedStringOperation or IInterpolationOperation or IInterpolatedStringTextOperation or INameOfOperation
                    or ILockOperation or IIncrementOrDecrementOperation or ILiteralOperation:
                    // Consumers that read a socket without keeping it: comparisons, null tests, ToString in a string.
                    foreach (var child in operation.ChildOperations)
                    {
                        this.Visit(child);
                    }

                    return PointsTo.Nothing;
                case IInvalidOperation { Syntax: BaseObjectCreationExpressionSyntax } invalidCreation
                    when this.analysis.Context.Symbols.TryGetApi(invalidCreation.Type, out var createdApi):
                    return this.CreateUnbound(invalidCreation, createdApi);
                case IInvalidOperation invalid when ReceiverOfInvalidCall(invalid) is { } receiverSyntax:
                    return this.CallThatDoesNotBind(invalid, receiverSyntax);
                default:
                    // Anything else that receives a tracked object may keep it (arrays, tuples, collection
                    // expressions, invalid code): the object escapes.
                    foreach (var child in operation.ChildOperations)
                    {
                        this.Escape(this.Visit(child));
                    }

                    return this.UntrackedIfSocket(operation);
            }
        }

        /// <summary>
        /// A new instance from a creation site that made one before (in a loop): the previous instance stops being
        /// tracked — variables still referring to it now hold an untracked value — and the id names the new one.
        /// Without this, the strong update of the new instance would rewrite the old one's state.
        /// </summary>
        internal void Renew(int id)
        {
            this.state.MarkPresent(id);
            if (this.state.GetObject(id) is null)
            {
                return;
            }

            for (var index = 0; index < this.analysis.Variables.Count; index++)
            {
                var objects = this.state.GetVariable(index);
                if (objects.Contains(id))
                {
                    this.state.SetVariable(this.analysis.Variables[index], objects.Without(id).Union(PointsTo.Untracked));
                }
            }
        }

        internal SocketValue? ValueOf(PointsTo objects)
        {
            if (objects.MayBeUntracked || objects.HasNoObject)
            {
                return null;
            }

            SocketValue? result = null;
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is not { } value)
                {
                    return null;
                }

                result = result is null ? value : result.Join(value);
            }

            return result;
        }

        /// <summary>The objects escape: stored where the analysis cannot follow. Their states become unknown.</summary>
        internal void Escape(PointsTo objects)
        {
            // Whoever holds it now is responsible: this path no longer owns it. Also for a weak update (the lifetime
            // rules stay silent rather than guess which object escaped).
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    this.state.SetObject(id, value.ToUnknown().WithOwnership((value.Ownership & ~Ownership.Owned) | Ownership.Escaped));
                    this.ForgetWrappers(id);
                }
            }
        }

        /// <summary>
        /// The objects go to code the analysis cannot see, which is not known to keep them: their states become
        /// unknown, their ownership stays (<see cref="FlowContext.UnknownCallsKeepOwnership"/>).
        /// </summary>
        internal void Lend(PointsTo objects)
        {
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    this.state.SetObject(id, value.ToUnknown());
                    this.ForgetWrappers(id);
                }
            }
        }

        /// <summary>The objects get a new owner (returned, written to an out parameter, wrapped by an owning object).</summary>
        internal void TransferOwnership(PointsTo objects)
        {
            var strong = objects.IsSingleObject;
            foreach (var id in objects)
            {
                if (this.state.GetObject(id) is { } value)
                {
                    var ownership = strong ? Ownership.Transferred : (value.Ownership & ~Ownership.Owned) | Ownership.Transferred;
                    this.state.SetObject(id, value.WithOwnership(ownership));
                }
            }

            this.HandOffWrappersOf(objects, Ownership.Transferred);
        }

        private PointsTo UntrackedIfSocket(IOperation operation) =>
            this.analysis.Context.Symbols.TryGetApi(operation.Type, out _) ? PointsTo.Untracked : PointsTo.Nothing;

        /// <summary>
        /// Before a call that may take its arguments: the state an exception leaves with, to be completed by
        /// <see cref="MayThrowAfterHandOff"/> once the call has decided who owns them; null while recording.
        /// </summary>
        private FlowState? BeforeHandOff(PointsTo[] argumentObjects, bool socketFailure, PointsTo receiver = default)
        {
            if (this.recording)
            {
                return null;
            }

            foreach (var objects in argumentObjects)
            {
                if (!objects.HasNoObject)
                {
                    return this.state.Clone();
                }
            }

            if (!receiver.HasNoObject)
            {
                this.MayThrowHere(socketFailure);
                return null;
            }

            // A call that touches no tracked socket (logging, formatting, a collection): it fails only by a programming
            // error, never for reasons outside the program, so — as SOCK202 — its exception is not where a socket is
            // said to leak. The handlers get the state with every object disowned: protocol states are kept (a catch
            // must still see that Connect may have succeeded), leak reports are not made from it.
            this.analysis.DeliverException(this.region, this.state.WithoutOwnership() ?? this.state, socketFailure);
            return null;
        }

        /// <summary>
        /// A call that takes an argument's ownership and then throws has still taken it: cleaning up after its own
        /// failure is the callee's job, the caller cannot tell whether it was done. So the exception leaves with the
        /// state before the call (protocol states untouched) but with the ownership the call gave each argument.
        /// </summary>
        private void MayThrowAfterHandOff(FlowState beforeCall, PointsTo[] argumentObjects, bool socketFailure)
        {
            foreach (var objects in argumentObjects)
            {
                foreach (var id in objects)
                {
                    if (this.state.GetObject(id) is { } after && (after.Ownership & Ownership.Owned) == 0
                        && beforeCall.GetObject(id) is { } before)
                    {
                        beforeCall.SetObject(id, before.WithOwnership(after.Ownership));
                    }
                }
            }

            this.analysis.DeliverException(this.region, beforeCall, socketFailure);
        }

        /// <summary>The current state is one an exception may leave with (before a call that may throw): the handlers get it.</summary>
        private void MayThrowHere(bool socketFailure = true)
        {
            if (!this.recording)
            {
                this.analysis.DeliverException(this.region, this.state, socketFailure);
            }
        }
    }
}
