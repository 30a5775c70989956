using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// The program's own socket owners: a class of this compilation that implements <c>IDisposable</c> and whose
    /// <c>Dispose()</c> closes a socket-typed field or auto-property on every path (null checks of that field, a
    /// <c>disposing</c> flag its callers pass as <c>true</c>, and a guard on a flag the method itself sets aside).
    /// Such a type is followed like the socket it holds: <c>new Wrapper(…)</c> is a socket to close. Types without
    /// <c>IDisposable</c> are not owners, whatever their <c>Close()</c> does: the engine releases on Close/Stop only
    /// for socket types, and nothing disposes such a type by <c>using</c>.
    /// One fact per type, computed on first use from operations (bounded in helper depth), cached for the compilation.
    /// </summary>
    internal sealed partial class SocketOwningTypes
    {
        /// <summary>How deep Dispose is followed into helpers of its own type (Dispose() → Dispose(true) → Close()).</summary>
        private const int MaxHelperDepth = 3;

        private static readonly SocketOwningType None = new SocketOwningType(null!, null!, ImmutableArray<ISymbol>.Empty, default);

        private readonly FlowContext context;
        private readonly ConcurrentDictionary<INamedTypeSymbol, SocketOwningType> types = new ConcurrentDictionary<INamedTypeSymbol, SocketOwningType>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, bool> releases = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public SocketOwningTypes(FlowContext context) => this.context = context;

        /// <summary>The type's fact, or null when it owns no socket (cheap for the types of libraries).</summary>
        public SocketOwningType? Of(ITypeSymbol? type, CancellationToken cancellationToken)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.Length: > 0 } named)
            {
                return null;
            }

            var definition = named.OriginalDefinition;
            if (this.types.TryGetValue(definition, out var known))
            {
                return known == None ? null : known;
            }

            var computed = this.Compute(definition, cancellationToken) ?? None;
            this.types.TryAdd(definition, computed);
            return computed == None ? null : computed;
        }

        /// <summary>The owner a method returns, directly or as the result of a Task or ValueTask.</summary>
        public SocketOwningType? OfResult(ITypeSymbol? type, CancellationToken cancellationToken) =>
            this.Of(type, cancellationToken)
            ?? (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? this.Of(task.TypeArguments[0], cancellationToken) : null);

        private SocketOwningType? Compute(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var symbols = this.context.Symbols;
            if (symbols.TryGetApi(type, out _) || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, this.context.Compilation.Assembly))
            {
                // A class derived from TcpClient is already followed as one.
                return null;
            }

            var disposable = this.context.Compilation.GetSpecialType(SpecialType.System_IDisposable);
            if (!type.AllInterfaces.Contains(disposable) || disposable.GetMembers("Dispose") is not { Length: 1 } members
                || type.FindImplementationForInterfaceMember(members[0]) is not IMethodSymbol { DeclaringSyntaxReferences.Length: 1 } dispose)
            {
                return null;
            }

            var owned = ImmutableArray.CreateBuilder<ISymbol>();
            SocketApi? api = null;
            foreach (var member in dispose.ContainingType.GetMembers())
            {
                if (member is not IFieldSymbol { IsStatic: false } field || !symbols.TryGetApi(field.Type, out var fieldApi))
                {
                    continue;
                }

                var storage = (field.AssociatedSymbol ?? field).OriginalDefinition;
                if (new DisposeWalk(this, storage, cancellationToken).ClosesOnEveryPath(dispose, ImmutableHashSet<IParameterSymbol>.Empty, 0))
                {
                    owned.Add(storage);
                    api ??= fieldApi;
                }
            }

            return api is { } first ? new SocketOwningType(type, dispose, owned.ToImmutable(), first) : null;
        }

        /// <summary>
        /// The call releases the object: its <c>Dispose()</c>, or a parameterless method (<c>Close()</c>) that closes
        /// every owning member on every path as Dispose does.
        /// </summary>
        public bool Releases(SocketOwningType owner, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var definition = method.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, owner.Dispose.OriginalDefinition)
                || (definition.Name == "Dispose" && definition.Parameters.Length == 0 && definition.ContainingType?.SpecialType == SpecialType.System_IDisposable))
            {
                return true;
            }

            if (definition.Parameters.Length != 0 || definition.IsStatic)
            {
                return false;
            }

            return this.releases.GetOrAdd(definition, m =>
            {
                foreach (var member in owner.Members)
                {
                    if (!new DisposeWalk(this, member, cancellationToken).ClosesOnEveryPath(m, ImmutableHashSet<IParameterSymbol>.Empty, 0))
                    {
                        return false;
                    }
                }

                return true;
            });
        }

        /// <summary>The body of a source method (block or expression), or null.</summary>
        internal IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsExtern)
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return this.context.Summaries.GetModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) switch
            {
                IMethodBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                IConstructorBodyOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                _ => null,
            };
        }

        /// <summary>A field or auto-property of this object (its original definition), read or written.</summary>
        internal static ISymbol? MemberOfThis(IOperation? operation)
        {
            operation = Unwrap(operation);
            return operation switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Field.IsStatic: false } field
                    => (field.Field.AssociatedSymbol ?? field.Field).OriginalDefinition,
                IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property
                    => property.Property.OriginalDefinition,
                _ => null,
            };
        }

        /// <summary>The member, or its socket's <c>Client</c>/<c>Server</c>, or its <c>GetStream()</c> (one descriptor, J7).</summary>
        internal static bool RootsAt(IOperation? operation, ISymbol member)
        {
            for (var current = Unwrap(operation); current is not null; current = Unwrap(current))
            {
                if (MemberOfThis(current) is { } found)
                {
                    return SymbolEqualityComparer.Default.Equals(found, member);
                }

                current = current switch
                {
                    IPropertyReferenceOperation { Property.Name: "Client" or "Server", Instance: { } inner } => inner,
                    IInvocationOperation { TargetMethod.Name: "GetStream", Instance: { } inner } => inner,
                    _ => null,
                };
            }

            return false;
        }

        internal static bool IsClosingName(string name) => name is "Close" or "Dispose" or "DisposeAsync" or "Stop";

        internal static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

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
