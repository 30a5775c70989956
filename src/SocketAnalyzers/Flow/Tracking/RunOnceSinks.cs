using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Functions handed to code that runs them exactly once, later, on another thread: <c>Task.Run</c>,
    /// <c>TaskFactory.StartNew</c>, <c>ThreadPool.(Unsafe)QueueUserWorkItem</c>, a <c>new Thread(…)</c> that is started.
    /// A local that only such a function reads, and that the body does not use after the hand-off, moves into the
    /// function there: the body tracks it like any local until then, and the function is analysed with it (and with a
    /// state argument its parameter receives) in the state it had at the hand-off. Event and callback registrations
    /// may run a function many times or never: they are not hand-offs.
    /// </summary>
    internal sealed partial class RunOnceSinks
    {
        public static readonly RunOnceSinks None = new RunOnceSinks();

        private readonly Dictionary<SyntaxNode, List<FunctionHandOff>> byCall = new Dictionary<SyntaxNode, List<FunctionHandOff>>();
        private readonly HashSet<ISymbol> handedLocals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>The locals some hand-off moves: tracked until then although a function captures them.</summary>
        public IEnumerable<ISymbol> HandedLocals => this.handedLocals;

        public bool TryGet(SyntaxNode call, out List<FunctionHandOff> handOffs) => this.byCall.TryGetValue(call, out handOffs!);

        /// <summary>Finds the hand-offs of one body (a method's, or a lambda's or local function's own graph).</summary>
        public static RunOnceSinks Find(IOperation? root)
        {
            if (root is null)
            {
                return None;
            }

            List<(IOperation Call, IOperation Delegate, IOperation? State, bool EndsProcess)>? candidates = null;
            foreach (var operation in root.Descendants())
            {
                if (operation is IInvocationOperation invocation && AsCandidate(invocation, root) is { } candidate)
                {
                    (candidates ??= new List<(IOperation, IOperation, IOperation?, bool)>()).Add(candidate);
                }
            }

            if (candidates is null)
            {
                return None;
            }

            var uses = LocalUses.Collect(root);
            var result = new RunOnceSinks();
            foreach (var (call, target, state, endsProcess) in candidates)
            {
                if (FunctionOf(target, uses) is not { } function)
                {
                    continue;
                }

                var captured = ImmutableArray.CreateBuilder<ILocalSymbol>();
                foreach (var local in uses.CapturedBy(function.Symbol))
                {
                    if (uses.MovesAt(local, function.Symbol, call.Syntax))
                    {
                        captured.Add(local);
                        result.handedLocals.Add(local);
                    }
                }

                // A state argument moves too, unless it is a local the body still uses afterwards.
                var stateArgument = state is not null && function.Symbol.Parameters.Length == 1
                    && (Unwrap(state) is not ILocalReferenceOperation stateLocal || uses.MovesAt(stateLocal.Local, null, call.Syntax))
                    ? state.Syntax
                    : null;
                if (captured.Count == 0 && stateArgument is null)
                {
                    continue;
                }

                if (!result.byCall.TryGetValue(call.Syntax, out var list))
                {
                    result.byCall.Add(call.Syntax, list = new List<FunctionHandOff>());
                }

                list.Add(new FunctionHandOff(function.Symbol, captured.ToImmutable(), stateArgument, endsProcess));
            }

            return result.byCall.Count == 0 ? None : result;
        }

        /// <summary>A call that runs a function once: (the call, the delegate, the state argument, whether a throw ends the process).</summary>
        internal static (IOperation, IOperation, IOperation?, bool)? AsCandidate(IInvocationOperation invocation, IOperation root)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var ns = type?.ContainingNamespace?.ToDisplayString();
            if (ns == "System.Threading.Tasks" && ((type!.Name == "Task" && method.Name == "Run" && method.IsStatic) || (type.Name == "TaskFactory" && method.Name == "StartNew")))
            {
                // An exception in a task is kept in the task: the process goes on.
                return Delegate(invocation) is { } target ? (invocation, target, State(invocation, "state"), false) : null;
            }

            if (ns == "System.Threading" && type!.Name == "ThreadPool" && method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem")
            {
                // An exception a work item does not catch terminates the process, and the system closes its descriptors.
                return Delegate(invocation) is { } target ? (invocation, target, State(invocation, "state"), true) : null;
            }

            if (ns == "System.Threading" && type!.Name == "Thread" && method.Name == "Start" && !method.IsStatic
                && ThreadCreation(invocation.Instance, root) is { } creation && Delegate(creation) is { } start)
            {
                // Thread.Start(object) hands its argument to a ParameterizedThreadStart; an unhandled exception ends the process.
                return (invocation, start, invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null, true);
            }

            return null;
        }

        internal static IOperation? Delegate(IOperation call)
        {
            var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
            foreach (var argument in arguments)
            {
                if (Unwrap(argument.Value) is IDelegateCreationOperation creation)
                {
                    return creation.Target;
                }
            }

            return null;
        }

        internal static IOperation? State(IInvocationOperation invocation, string name)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary><c>new Thread(…)</c> itself, or the local it was stored in when that local is assigned nowhere else.</summary>
        private static IObjectCreationOperation? ThreadCreation(IOperation? instance, IOperation root)
        {
            switch (Unwrap(instance))
            {
                case IObjectCreationOperation creation:
                    return creation;
                case ILocalReferenceOperation local:
                    IObjectCreationOperation? found = null;
                    foreach (var operation in root.Descendants())
                    {
                        if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                        {
                            found = Unwrap(declarator.Initializer?.Value) as IObjectCreationOperation;
                        }
                        else if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                        {
                            return null;
                        }
                    }

                    return found;
                default:
                    return null;
            }
        }

        private static (IMethodSymbol Symbol, IOperation Body)? FunctionOf(IOperation target, LocalUses uses)
        {
            switch (target)
            {
                case IAnonymousFunctionOperation lambda:
                    return (lambda.Symbol, lambda);
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference when uses.ReferencesTo(reference.Method) == 1:
                    // A local function called or referenced anywhere else may run more than once.
                    return (reference.Method, reference);
                default:
                    return null;
            }
        }

        internal static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        /// <summary>Where each local of the body is used, and by which function (null: the body itself).</summary>
        internal sealed class LocalUses
        {
            private readonly Dictionary<ISymbol, List<(IOperation Use, IMethodSymbol? Function)>> uses = new Dictionary<ISymbol, List<(IOperation, IMethodSymbol?)>>(SymbolEqualityComparer.Default);
            private readonly Dictionary<ISymbol, int> functionReferences = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);

            public static LocalUses Collect(IOperation root)
            {
                // The root itself may be a lambda (its own graph): its locals are the body's.
                var result = new LocalUses();
                foreach (var child in root.ChildOperations)
                {
                    result.Walk(child, null);
                }

                return result;
            }

            public IReadOnlyList<(IOperation Use, IMethodSymbol? Function)> UsesOf(ILocalSymbol local) =>
                this.uses.TryGetValue(local, out var list) ? list : (IReadOnlyList<(IOperation, IMethodSymbol?)>)System.Array.Empty<(IOperation, IMethodSymbol?)>();

            public int ReferencesTo(IMethodSymbol function) => this.functionReferences.TryGetValue(function, out var count) ? count : 0;

            public IEnumerable<ILocalSymbol> CapturedBy(IMethodSymbol function)
            {
                foreach (var pair in this.uses)
                {
                    foreach (var (_, user) in pair.Value)
                    {
                        if (SymbolEqualityComparer.Default.Equals(user, function))
                        {
                            yield return (ILocalSymbol)pair.Key;
                            break;
                        }
                    }
                }
            }

            /// <summary>
            /// The local moves into <paramref name="function"/> at <paramref name="call"/>: no other function uses it, the
            /// function only reads it, the body uses it only before the call, it is not disposed by a using, and no loop
            /// of the body runs the call again for the same variable.
            /// </summary>
            public bool MovesAt(ILocalSymbol local, IMethodSymbol? function, SyntaxNode call)
            {
                if (local.RefKind != RefKind.None || local.IsConst || !this.uses.TryGetValue(local, out var list)
                    || local.DeclaringSyntaxReferences.Length != 1 || IsUsingDeclared(local.DeclaringSyntaxReferences[0].GetSyntax()))
                {
                    return false;
                }

                foreach (var (use, user) in list)
                {
                    if (user is null)
                    {
                        if (use.Syntax.SpanStart >= call.Span.End)
                        {
                            return false;
                        }
                    }
                    else if (!SymbolEqualityComparer.Default.Equals(user, function) || IsWrite(use))
                    {
                        return false;
                    }
                }

                var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
                for (var node = call.Parent; node is not null && !node.Span.Contains(declaration.Span); node = node.Parent)
                {
                    if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax
                        or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                    {
                        return false;
                    }
                }

                return true;
            }

            internal static bool IsUsingDeclared(SyntaxNode declarator) =>
                declarator.Parent?.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } or UsingStatementSyntax;

            internal static bool IsWrite(IOperation use) => use.Parent switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target == use,
                ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation => true,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                _ => false,
            };

            private void Walk(IOperation operation, IMethodSymbol? function)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation reference:
                        this.Add(reference.Local, reference, function);
                        break;
                    case IVariableDeclaratorOperation declarator:
                        this.Add(declarator.Symbol, declarator, function);
                        break;
                    case IAnonymousFunctionOperation lambda:
                        function = lambda.Symbol;
                        break;
                    case ILocalFunctionOperation local:
                        function = local.Symbol;
                        break;
                    case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                        this.functionReferences[reference.Method] = this.ReferencesTo(reference.Method) + 1;
                        break;
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call:
                        this.functionReferences[call.TargetMethod] = this.ReferencesTo(call.TargetMethod) + 1;
                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    this.Walk(child, function);
                }
            }

            private void Add(ILocalSymbol local, IOperation use, IMethodSymbol? function)
            {
                // Locals declared inside a function belong to that function's own graph.
                if (function is not null && IsDeclaredIn(local, function))
                {
                    return;
                }

                if (!this.uses.TryGetValue(local, out var list))
                {
                    this.uses.Add(local, list = new List<(IOperation, IMethodSymbol?)>());
                }

                list.Add((use, function));
            }

            private static bool IsDeclaredIn(ISymbol local, ISymbol function)
            {
                for (var container = local.ContainingSymbol; container is not null && container is not INamedTypeSymbol; container = container.ContainingSymbol)
                {
                    if (SymbolEqualityComparer.Default.Equals(container, function))
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    /// <summary>One function a run-once call receives, with the locals that move into it and its state argument.</summary>
    internal sealed class FunctionHandOff
    {
        public FunctionHandOff(IMethodSymbol function, ImmutableArray<ILocalSymbol> captured, SyntaxNode? stateArgument, bool exceptionEndsProcess)
        {
            this.Function = function;
            this.Captured = captured;
            this.StateArgument = stateArgument;
            this.ExceptionEndsProcess = exceptionEndsProcess;
        }

        public IMethodSymbol Function { get; }

        public ImmutableArray<ILocalSymbol> Captured { get; }

        /// <summary>The argument whose value the function's only parameter receives, or null.</summary>
        public SyntaxNode? StateArgument { get; }

        /// <summary>A thread or a thread-pool work item: an exception it does not catch terminates the process.</summary>
        public bool ExceptionEndsProcess { get; }
    }
}
