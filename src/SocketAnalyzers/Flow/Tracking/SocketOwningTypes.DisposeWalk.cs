using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>Reading <c>Dispose()</c>: does it close an owning member on every path that matters?</summary>
    internal sealed partial class SocketOwningTypes
    {
        /// <summary>Whether a method's body closes one member on every path (see the type's summary for what a path may skip).</summary>
        private readonly struct DisposeWalk
        {
            private readonly SocketOwningTypes owner;
            private readonly ISymbol member;
            private readonly CancellationToken cancellationToken;

            public DisposeWalk(SocketOwningTypes owner, ISymbol member, CancellationToken cancellationToken)
            {
                this.owner = owner;
                this.member = member;
                this.cancellationToken = cancellationToken;
            }

            public bool ClosesOnEveryPath(IMethodSymbol method, ImmutableHashSet<IParameterSymbol> trueParameters, int depth)
            {
                if (depth > MaxHelperDepth || this.owner.BodyOf(method, this.cancellationToken) is not { } body)
                {
                    return false;
                }

                var flags = SetFlags(body);
                return body is IBlockOperation block
                    ? this.ClosesIn(block.Operations, trueParameters, flags, depth)
                    : this.Closes(body, trueParameters, flags, depth);
            }

            private bool ClosesIn(IEnumerable<IOperation> statements, ImmutableHashSet<IParameterSymbol> trueParameters, HashSet<ISymbol> flags, int depth)
            {
                foreach (var statement in statements)
                {
                    if (this.Closes(statement, trueParameters, flags, depth))
                    {
                        return true;
                    }

                    if (!IsRepeatGuard(statement, flags) && MayLeave(statement))
                    {
                        // A return or throw before the close: some path ends without it.
                        return false;
                    }
                }

                return false;
            }

            private bool Closes(IOperation statement, ImmutableHashSet<IParameterSymbol> trueParameters, HashSet<ISymbol> flags, int depth)
            {
                switch (statement)
                {
                    case IExpressionStatementOperation expression:
                        return this.Closes(expression.Operation, trueParameters, flags, depth);
                    case IAwaitOperation awaited:
                        return this.Closes(awaited.Operation, trueParameters, flags, depth);
                    case IBlockOperation block:
                        return this.ClosesIn(block.Operations, trueParameters, flags, depth);
                    case IConditionalOperation { WhenTrue: { } whenTrue } conditional when this.AlwaysEnters(conditional.Condition, trueParameters, flags):
                        return this.Closes(whenTrue, trueParameters, flags, depth);
                    case ITryOperation attempt:
                        return this.ClosesIn(attempt.Body.Operations, trueParameters, flags, depth)
                            || (attempt.Finally is { } cleanup && this.ClosesIn(cleanup.Operations, trueParameters, flags, depth));
                    case IUsingOperation usingStatement:
                        return this.Closes(usingStatement.Body, trueParameters, flags, depth);
                    case ILockOperation locked:
                        return this.Closes(locked.Body, trueParameters, flags, depth);
                    case IInvocationOperation invocation when IsClosingName(invocation.TargetMethod.Name) && RootsAt(invocation.Instance, this.member):
                        return true;
                    case IConditionalAccessOperation { WhenNotNull: IInvocationOperation { Instance: IConditionalAccessInstanceOperation } closing } access
                        when IsClosingName(closing.TargetMethod.Name):
                        return RootsAt(access.Operation, this.member);
                    case IInvocationOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } helper
                        when !helper.TargetMethod.IsStatic && SymbolEqualityComparer.Default.Equals(helper.TargetMethod.ContainingType?.OriginalDefinition, (this.member.ContainingType)?.OriginalDefinition):
                        // Dispose() { Dispose(true); }: the helper with its constant `true` arguments.
                        var passedTrue = ImmutableHashSet<IParameterSymbol>.Empty;
                        foreach (var argument in helper.Arguments)
                        {
                            if (argument.Parameter is { } parameter && argument.Value.ConstantValue is { HasValue: true, Value: true })
                            {
                                passedTrue = passedTrue.Add(parameter.OriginalDefinition);
                            }
                        }

                        return this.ClosesOnEveryPath(helper.TargetMethod.OriginalDefinition, passedTrue, depth + 1);
                    default:
                        return false;
                }
            }

            /// <summary>A condition true whenever closing matters: the member is not null, a `true` flag, not yet disposed.</summary>
            private bool AlwaysEnters(IOperation condition, ImmutableHashSet<IParameterSymbol> trueParameters, HashSet<ISymbol> flags)
            {
                switch (Unwrap(condition))
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                        return this.AlwaysEnters(both.LeftOperand, trueParameters, flags) && this.AlwaysEnters(both.RightOperand, trueParameters, flags);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } test:
                        return (RootsAt(test.LeftOperand, this.member) && IsNull(test.RightOperand)) || (RootsAt(test.RightOperand, this.member) && IsNull(test.LeftOperand));
                    case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } } test:
                        return IsNull(constant) && RootsAt(test.Value, this.member);
                    case IIsPatternOperation { Pattern: IRecursivePatternOperation { PropertySubpatterns.Length: 0, DeconstructionSubpatterns.Length: 0 } } test:
                        return RootsAt(test.Value, this.member);
                    case IParameterReferenceOperation parameter:
                        return trueParameters.Contains(parameter.Parameter.OriginalDefinition);
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        // `if (!disposed) { …; disposed = true; }`: the method sets the flag it tests, a repeat guard.
                        return MemberOfThis(not.Operand) is { } flag && flags.Contains(flag);
                    default:
                        return false;
                }
            }

            private static bool IsNull(IOperation operation) => Unwrap(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

            /// <summary><c>if (disposed) return;</c> on a flag the method itself sets: only a repeated call leaves there.</summary>
            private static bool IsRepeatGuard(IOperation statement, HashSet<ISymbol> flags) =>
                statement is IConditionalOperation { WhenFalse: null } guard
                && (guard.WhenTrue is IReturnOperation || (guard.WhenTrue is IBlockOperation { Operations.Length: 1 } single && single.Operations[0] is IReturnOperation))
                && ReadsFlag(guard.Condition, flags);

            private static bool ReadsFlag(IOperation condition, HashSet<ISymbol> flags) => Unwrap(condition) switch
            {
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } compare => ReadsFlag(compare.LeftOperand, flags),
                IInvocationOperation { TargetMethod.ContainingType.Name: "Interlocked", Arguments.Length: > 0 } exchange => ReadsFlag(exchange.Arguments[0].Value, flags),
                var read => MemberOfThis(read) is { } flag && flags.Contains(flag),
            };

            /// <summary>Members the body assigns, or hands by ref to Interlocked: the flags it may guard with.</summary>
            private static HashSet<ISymbol> SetFlags(IOperation body)
            {
                var flags = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var operation in body.Descendants())
                {
                    if (operation is ISimpleAssignmentOperation assignment && MemberOfThis(assignment.Target) is { } assigned)
                    {
                        flags.Add(assigned);
                    }
                    else if (operation is IInvocationOperation { TargetMethod.ContainingType.Name: "Interlocked" } exchange)
                    {
                        foreach (var argument in exchange.Arguments)
                        {
                            if (argument.Parameter?.RefKind == RefKind.Ref && MemberOfThis(argument.Value) is { } exchanged)
                            {
                                flags.Add(exchanged);
                            }
                        }
                    }
                }

                return flags;
            }

            /// <summary>A return, throw or goto in the statement, outside nested functions.</summary>
            private static bool MayLeave(IOperation statement)
            {
                var pending = new Stack<IOperation>();
                pending.Push(statement);
                while (pending.Count > 0)
                {
                    var current = pending.Pop();
                    if (current is IReturnOperation or IThrowOperation || current is IBranchOperation { BranchKind: BranchKind.GoTo })
                    {
                        return true;
                    }

                    if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    {
                        continue;
                    }

                    foreach (var child in current.ChildOperations)
                    {
                        pending.Push(child);
                    }
                }

                return false;
            }
        }
    }
}
