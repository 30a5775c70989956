using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Transfer functions of reads and writes: locals, parameters, members of this object, aliases.</summary>
    internal sealed partial class TransferFunctions
    {
        private PointsTo ReadVariable(ISymbol symbol, IOperation reference)
        {
            if (this.analysis.IsCaptured(symbol))
            {
                return this.UntrackedIfSocket(reference);
            }

            return this.state.TryGetVariable(FlowVariable.Of(symbol), out var objects) ? objects : this.UntrackedIfSocket(reference);
        }

        private void WriteVariable(ISymbol symbol, PointsTo objects)
        {
            if (this.analysis.IsCaptured(symbol))
            {
                // A variable a lambda or local function captures may change behind the analysis' back.
                this.Escape(objects);
                this.state.SetVariable(FlowVariable.Of(symbol), PointsTo.Untracked);
                return;
            }

            if (symbol is IParameterSymbol { RefKind: RefKind.Out or RefKind.Ref })
            {
                this.TransferOwnership(objects);
            }

            this.state.SetVariable(FlowVariable.Of(symbol), objects);
        }

        private PointsTo ReadMember(IOperation reference, ISymbol member, IOperation? instance)
        {
            var objects = this.Visit(instance);
            if (!this.analysis.Context.Symbols.TryGetApi(reference.Type, out var api))
            {
                return PointsTo.Nothing;
            }

            if (this.IsOwningMemberOf(instance, member, objects))
            {
                // A socket owner's own socket (`entry.Client`): one descriptor, followed as the owner.
                return objects;
            }

            // Only members of this object (or static ones) are followed; another object's fields may change anywhere.
            if (!IsThisOrStatic(instance))
            {
                this.Escape(objects);
                return PointsTo.Untracked;
            }

            // A computed property may return a different object at each read: only fields and auto-properties hold one.
            if (!IsStorage(member, this.analysis.CancellationToken))
            {
                return PointsTo.Untracked;
            }

            if (this.state.TryGetVariable(FlowVariable.Of(member), out var known))
            {
                return known;
            }

            if (this.analysis.Objects.ForSymbol(member, SocketOriginKind.Member) is not { } origin)
            {
                return PointsTo.Untracked;
            }

            // A field or property may be null: a null test on it must not make either branch unreachable.
            var result = PointsTo.Object(origin.Id).Union(PointsTo.Null);
            this.state.SetObject(origin.Id, SocketValue.UnknownOf(api, Kinds.Of(api)));
            this.state.SetVariable(FlowVariable.Of(member), result);
            this.analysis.HasMemberVariables = true;
            return result;
        }

        private PointsTo Assign(ISimpleAssignmentOperation assignment)
        {
            switch (assignment.Target)
            {
                case ILocalReferenceOperation local:
                    var value = this.Visit(assignment.Value);
                    this.WriteVariable(local.Local, value);
                    return value;
                case IParameterReferenceOperation parameter:
                    value = this.Visit(assignment.Value);
                    this.WriteVariable(parameter.Parameter, value);
                    return value;
                case IPropertyReferenceOperation property when this.TrySetProtocolProperty(assignment, property):
                    return PointsTo.Nothing;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    var member = ((IMemberReferenceOperation)assignment.Target).Member;
                    var instance = ((IMemberReferenceOperation)assignment.Target).Instance;
                    var owners = this.Visit(instance);
                    value = this.Visit(assignment.Value);
                    this.NoteInnerSocketReplaced(assignment, member, owners, value);
                    if (!owners.HasNoObject && member.ContainingType is { } type && this.analysis.Context.Symbols.TryGetApi(type, out var api)
                        && Protocol.ProtocolApiMap.IsSocketOptionSetter(api, member.Name))
                    {
                        // setsockopt can fail: an exception may leave here with the socket still this body's.
                        this.MayThrowHere();
                    }

                    if (IsThisInstance(instance) && !member.IsStatic && IsStorage(member, this.analysis.CancellationToken)
                        && this.analysis.Context.Symbols.TryGetApi(member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type, out _))
                    {
                        this.StoreInMember(assignment, member, value);
                        return value;
                    }

                    this.Escape(value);
                    this.HandOffWrappersOf(value, Ownership.Escaped);
                    if (IsThisOrStatic(instance))
                    {
                        this.state.SetVariable(FlowVariable.Of(member), PointsTo.Untracked);
                    }

                    return value;
                case IDiscardOperation:
                    return this.Visit(assignment.Value);
                default:
                    this.Visit(assignment.Target);
                    value = this.Visit(assignment.Value);
                    this.Escape(value);
                    this.HandOffWrappersOf(value, Ownership.Escaped);
                    return value;
            }
        }

        private void EscapeAll(IOperation operation)
        {
            if (operation is ITupleOperation tuple)
            {
                foreach (var element in tuple.Elements)
                {
                    this.Escape(this.Visit(element));
                }
            }
            else
            {
                this.Escape(this.Visit(operation));
            }
        }

        private void ForgetTargets(IOperation target)
        {
            foreach (var node in target.DescendantsAndSelf())
            {
                if (node is ILocalReferenceOperation local)
                {
                    this.state.SetVariable(FlowVariable.Of(local.Local), PointsTo.Untracked);
                }
                else if (node is IParameterReferenceOperation parameter)
                {
                    this.state.SetVariable(FlowVariable.Of(parameter.Parameter), PointsTo.Untracked);
                }
            }
        }

        private static bool IsStorage(ISymbol member, System.Threading.CancellationToken cancellationToken)
        {
            if (member is IFieldSymbol)
            {
                return true;
            }

            if (member is not IPropertySymbol { DeclaringSyntaxReferences.Length: 1 } property
                || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A member of this object or a static one. The implicit receiver of an object initializer is the new object,
        /// not this one: <c>new Holder { Socket = s }</c> stores <c>s</c> elsewhere.
        /// </summary>
        private static bool IsThisInstance(IOperation? instance) =>
            instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private static bool IsThisOrStatic(IOperation? instance) =>
            instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
