using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>The walk over one operation block (a method, an accessor, a field or property initializer).</summary>
    internal sealed partial class SocketFieldCollector
    {
        public void Collect(OperationBlockAnalysisContext context)
        {
            var method = context.OwningSymbol as IMethodSymbol;
            var facts = new MethodFacts();
            var ownedLocals = new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
            var aliases = new Dictionary<ILocalSymbol, IFieldSymbol>(SymbolEqualityComparer.Default);

            // Pass 1, locals: which always hold an owned socket, and which copy a field (for "var s = field; s.Dispose()").
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                            this.NoteLocal(declarator.Symbol, initializer.Value, ownedLocals, aliases);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                            this.NoteLocal(target.Local, assignment.Value, ownedLocals, aliases);
                            break;
                    }
                }
            }

            // Pass 2, fields.
            var updates = new List<(IFieldSymbol Field, Location? Owned, bool Foreign, bool Escapes)>();
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    this.Visit(operation, method, facts, ownedLocals, aliases, updates);
                }
            }

            lock (this.gate)
            {
                foreach (var (field, owned, foreign, escapes) in updates)
                {
                    var fieldFacts = this.Fields[field];
                    if (owned is not null)
                    {
                        fieldFacts.OwnedAssignments.Add(owned);
                    }

                    fieldFacts.HasForeignValue |= foreign;
                    fieldFacts.Escapes |= escapes;
                }

                if (method is not null)
                {
                    this.methods[method.OriginalDefinition] = facts;
                }
            }
        }

        private void Visit(
            IOperation operation,
            IMethodSymbol? method,
            MethodFacts facts,
            Dictionary<ILocalSymbol, bool> ownedLocals,
            Dictionary<ILocalSymbol, IFieldSymbol> aliases,
            List<(IFieldSymbol, Location?, bool, bool)> updates)
        {
            switch (operation)
            {
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        this.NoteStore(field, initializer.Value, ownedLocals, updates);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        this.NoteStore(property, initializer.Value, ownedLocals, updates);
                    }

                    break;
                case IAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                    when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    if (IsOwnInstance(target.Instance))
                    {
                        this.NoteStore(target.Member, assignment.Value, ownedLocals, updates);
                        if (IsDatagramCreation(assignment.Value) && this.TrackedField(target, aliases) is { } datagram)
                        {
                            facts.Datagram.Add(datagram);
                        }
                    }

                    // The field's value stored in another object's member: that object may own it now.
                    if (this.TrackedField(assignment.Value, aliases) is { } copied && !this.fieldsByMember.ContainsKey(target.Member.OriginalDefinition))
                    {
                        updates.Add((copied, null, false, true));
                    }

                    break;
                case IInvocationOperation invocation:
                    if (OwnershipFacts.IsDisposal(invocation, this.symbols)
                        && (this.TrackedField(invocation.Instance, aliases) ?? this.OwnerOfInnerSocket(invocation.Instance, aliases)) is { } disposed)
                    {
                        (this.FollowsShutdownOf(invocation, disposed, aliases) ? facts.DisposedAfterShutdown : facts.Disposed).Add(disposed);
                    }

                    if (invocation.TargetMethod.Name is "Connect" or "ConnectAsync" or "BeginConnect"
                        && (this.TrackedField(invocation.Instance, aliases) ?? this.OwnerOfInnerSocket(invocation.Instance, aliases)) is { } connected)
                    {
                        facts.Connected.Add(connected);
                    }

                    var sameType = SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, this.type.OriginalDefinition);
                    if (sameType && (invocation.Instance is null || IsOwnInstance(invocation.Instance)))
                    {
                        facts.Calls.Add(invocation.TargetMethod.OriginalDefinition);
                    }

                    this.NoteArguments(invocation.Arguments, invocation.TargetMethod, sameType, facts, aliases, updates, method);
                    break;
                case IObjectCreationOperation creation when creation.Constructor is { } constructor:
                    this.NoteArguments(creation.Arguments, constructor, sameType: false, facts, aliases, updates, method);
                    break;
                case IUsingOperation { Resources: { } resources }:
                    this.NoteUsingResource(resources, facts, aliases);
                    break;
                case IReturnOperation { ReturnedValue: { } returned } when method is not { MethodKind: MethodKind.PropertyGet }:
                    // Returned from a method (not a property getter): the caller may take it over (Detach, Release...).
                    if (this.TrackedField(returned, aliases) is { } handedOut)
                    {
                        updates.Add((handedOut, null, false, true));
                    }

                    break;
            }
        }

        private void NoteArguments(
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments,
            IMethodSymbol callee,
            bool sameType,
            MethodFacts facts,
            Dictionary<ILocalSymbol, IFieldSymbol> aliases,
            List<(IFieldSymbol, Location?, bool, bool)> updates,
            IMethodSymbol? method)
        {
            foreach (var argument in arguments)
            {
                if (this.TrackedField(argument.Value, aliases) is not { } field)
                {
                    continue;
                }

                // A helper of the same type is followed instead; a socket API member or a non-owning NetworkStream
                // constructor does not take the socket (J7). Anything else may.
                facts.Passed.Add(field);
                if (!sameType && !this.DoesNotTakeOwnership(callee, argument) && method is not null && !IsDisposeEntry(method))
                {
                    updates.Add((field, null, false, true));
                }
            }
        }

        private bool DoesNotTakeOwnership(IMethodSymbol callee, IArgumentOperation argument)
        {
            if (!this.symbols.TryGetApi(callee.ContainingType, out var api))
            {
                return false;
            }

            return !(api == SocketApi.NetworkStream && callee.MethodKind == MethodKind.Constructor && argument.Parent is IObjectCreationOperation creation
                && OwnershipFacts.IsOwnedCreation(creation, this.symbols, out _));
        }

        /// <summary>
        /// <c>listener.Server</c>, <c>client.Client</c>: the socket inside a wrapper field. Closing it releases the
        /// wrapper's only operating-system resource, so it counts as closing the field.
        /// </summary>
        private IFieldSymbol? OwnerOfInnerSocket(IOperation? instance, Dictionary<ILocalSymbol, IFieldSymbol> aliases)
        {
            if (instance is IPropertyReferenceOperation { Property.Name: "Server" or "Client" } inner
                && this.symbols.TryGetApi(inner.Property.ContainingType, out var api)
                && api is SocketApi.TcpListener or SocketApi.TcpClient or SocketApi.UdpClient)
            {
                return this.TrackedField(inner.Instance, aliases);
            }

            return null;
        }

        /// <summary>
        /// <c>f.Shutdown(…); f.Close();</c> in one block: Shutdown throws on a socket that never connected (H1, H2), and
        /// then the Close after it never runs.
        /// </summary>
        private bool FollowsShutdownOf(IInvocationOperation close, IFieldSymbol field, Dictionary<ILocalSymbol, IFieldSymbol> aliases)
        {
            if (close.Syntax.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax block } statement
                || close.SemanticModel is not { } model)
            {
                return false;
            }

            foreach (var earlier in block.Statements)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (earlier is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax candidate }
                    && model.GetOperation(candidate) is IInvocationOperation { TargetMethod.Name: "Shutdown" } shutdown
                    && SymbolEqualityComparer.Default.Equals(this.TrackedField(shutdown.Instance, aliases) ?? this.OwnerOfInnerSocket(shutdown.Instance, aliases), field))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>new Socket(…, SocketType.Dgram, …)</c>, <c>new Socket(…, ProtocolType.Udp)</c>.</summary>
        private static bool IsDatagramCreation(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is not IObjectCreationOperation creation)
            {
                return false;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: int constant }
                    && ((argument.Parameter?.Type.Name == "SocketType" && constant == 2) || (argument.Parameter?.Type.Name == "ProtocolType" && constant == 17)))
                {
                    return true;
                }
            }

            return false;
        }

        private void NoteUsingResource(IOperation resources, MethodFacts facts, Dictionary<ILocalSymbol, IFieldSymbol> aliases)
        {
            if (this.TrackedField(resources, aliases) is { } field)
            {
                facts.Disposed.Add(field);
            }
        }
    }
}
