using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Performance
{
    /// <summary>
    /// The summary facts of the methods of one compilation: "awaits socket I/O" (a method whose task completes only
    /// when a socket, network stream or TLS stream operation does, directly or through other methods of the
    /// compilation), "blocks on a socket" (its own body makes a blocking socket call, <c>.Blocking.cs</c>), "every value
    /// of this task field is socket work" and "hands a socket's event-args ValueTask on" (<c>.Fields.cs</c>). Computed on
    /// first use and cached; thread-safe (two threads may compute the same fact, with the same result). One instance
    /// per analyzer and compilation, made in the compilation-start action.
    /// </summary>
    /// <remarks>
    /// Bounded: a method is summarised through at most <see cref="MaxDepth"/> levels of calls, each body walked for at
    /// most <see cref="MaxOperations"/> operations, at most <see cref="MaxWalksPerQuery"/> bodies per question; past
    /// any of these, or on recursion, the answer is "no" (silence) and is not cached, so it does not depend on which
    /// question came first.
    /// Only methods whose body is the one that runs count: not abstract, virtual, extern or partial without body.
    /// </remarks>
    internal sealed partial class SocketWorkSummaries
    {
        public const int MaxDepth = 3;
        public const int MaxOperations = 4_000;
        public const int MaxWalksPerQuery = 32;

        private static readonly Func<IMethodSymbol, bool> FindSibling = FindAsyncSibling;

        private readonly Compilation compilation;
        private readonly KnownSocketSymbols symbols;
        private readonly ConcurrentDictionary<IMethodSymbol, string?> facts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> blocking = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> blockingAsync = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> blockingBeforeAwait = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> siblings = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();

        public SocketWorkSummaries(Compilation compilation, KnownSocketSymbols symbols)
        {
            this.compilation = compilation;
            this.symbols = symbols;
        }

        /// <summary>
        /// The socket work a task-returning call stands for, for messages (<c>Socket.ReceiveAsync</c>,
        /// <c>SslStream.ShutdownAsync</c>, <c>Connection.OpenAsync</c>), or null when it is no socket work.
        /// </summary>
        public string? TaskWork(IInvocationOperation call, CancellationToken cancellationToken) =>
            this.TaskWork(call, new Query(cancellationToken), ImmutableHashSet<IMethodSymbol>.Empty);

        /// <summary>The first socket work a function (a lambda's body) awaits or returns, or null.</summary>
        public string? WorkIn(IOperation function, CancellationToken cancellationToken) =>
            this.WorkIn(function, new Query(cancellationToken), ImmutableHashSet<IMethodSymbol>.Empty);

        /// <summary>Whether a method of the compilation awaits socket work (a method group handed to Task.Run).</summary>
        public string? MethodWork(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.MethodWork(method.OriginalDefinition, new Query(cancellationToken), ImmutableHashSet<IMethodSymbol>.Empty);

        /// <summary>
        /// Whether the method's type declares a task-returning sibling named after it with "Async"
        /// (<c>SendAll</c> / <c>SendAllAsync</c>); cached per method, so calls do not build the name again.
        /// </summary>
        public bool HasAsyncSibling(IMethodSymbol method) =>
            this.siblings.GetOrAdd(method.OriginalDefinition, FindSibling);

        /// <summary>Offers the model the driver built for a tree, so summaries of methods in it reuse its binding.</summary>
        public void OfferModel(SemanticModel? model)
        {
            if (model is not null && !this.models.ContainsKey(model.SyntaxTree))
            {
                this.models.TryAdd(model.SyntaxTree, model);
            }
        }

        /// <summary>
        /// The socket work of a call that does not bind (<see cref="UnboundInvocation"/>): the work every candidate
        /// overload stands for, when they all stand for the same; null otherwise.
        /// </summary>
        public string? TaskWork(UnboundInvocation call, CancellationToken cancellationToken)
        {
            string? found = null;
            foreach (var candidate in call.Candidates)
            {
                var work = this.TaskWork(candidate, call.Receiver.Type, new Query(cancellationToken), ImmutableHashSet<IMethodSymbol>.Empty);
                if (work is null || (found is not null && found != work))
                {
                    return null;
                }

                found = work;
            }

            return found;
        }

        private string? TaskWork(IInvocationOperation call, Query query, ImmutableHashSet<IMethodSymbol> callers) =>
            IsTaskType(call.Type) ? this.TaskWork(call.TargetMethod, call.Instance?.Type, query, callers) : null;

        private string? TaskWork(IMethodSymbol method, ITypeSymbol? receiverType, Query query, ImmutableHashSet<IMethodSymbol> callers)
        {
            if (!IsTaskType(method.ReturnType))
            {
                return null;
            }

            var member = this.symbols.TryGetApi(receiverType, out var api) ? ProtocolApiMap.Find(api, method.Name) : null;
            member ??= this.symbols.FindMember(method);
            if (member is { Api: not SocketApi.Dns } && member.Has(ApiTraits.Async))
            {
                return member.Api + "." + member.Name;
            }

            // Stream's own overloads (ReadAsync(byte[], int, int)) called on an SslStream are the SslStream's I/O too.
            if ((receiverType is INamedTypeSymbol instanceType && IsAuthenticatedStream(instanceType) ? instanceType : IsAuthenticatedStream(method.ContainingType) ? method.ContainingType : null) is { } stream
                && method.Name != "FlushAsync")
            {
                return stream.Name + "." + method.Name;
            }

            return this.MethodWork(method.OriginalDefinition, query, callers) is not null
                ? method.ContainingType.Name + "." + method.Name
                : null;
        }

        /// <summary>Whether a method of the compilation awaits socket work; cached per method once known for sure.</summary>
        private string? MethodWork(IMethodSymbol method, Query query, ImmutableHashSet<IMethodSymbol> callers)
        {
            if (!this.IsSummarisable(method))
            {
                return null;
            }

            if (this.facts.TryGetValue(method, out var known))
            {
                return known;
            }

            // Depth, recursion or the query's budget stop the walk: "no" for this query, and nothing cached.
            if (callers.Count >= MaxDepth || callers.Contains(method) || ++query.Walks > MaxWalksPerQuery)
            {
                query.Truncated = true;
                return null;
            }

            var body = this.Body(method, query.CancellationToken);
            var truncatedBefore = query.Truncated;
            query.Truncated = false;
            var work = body is null ? null : this.WorkIn(body, query, callers.Add(method));
            if (work is not null || !query.Truncated)
            {
                this.facts[method] = work;
            }

            query.Truncated |= truncatedBefore;
            return work;
        }

        private static bool FindAsyncSibling(IMethodSymbol method)
        {
            foreach (var member in method.ContainingType.GetMembers(method.Name + "Async"))
            {
                if (member is IMethodSymbol { ReturnType: INamedTypeSymbol { Name: "Task" or "ValueTask" } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Only methods of this compilation whose body is the one that runs: not abstract, virtual, extern or partial.</summary>
        private bool IsSummarisable(IMethodSymbol method) =>
            !method.IsAbstract && !method.IsExtern && !method.IsVirtual && !method.IsOverride
            && method.DeclaringSyntaxReferences.Length == 1
            && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.compilation.Assembly);

        private IOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var model = this.models.GetOrAdd(syntax.SyntaxTree, this.CreateModel);
            return model.GetOperation(syntax, cancellationToken);
        }

        /// <summary>
        /// The first socket work the function's own body awaits or returns, in source order. Lambdas and local functions
        /// inside it are not its body: what they await, the function's task does not wait for (a loop started with
        /// <c>Task.Factory.StartNew(async () => …)</c>); a local function the body awaits is followed through its call.
        /// </summary>
        private string? WorkIn(IOperation function, Query query, ImmutableHashSet<IMethodSymbol> callers)
        {
            var walked = 0;
            var pending = new Stack<IOperation>();
            pending.Push(function);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                foreach (var child in operation.ChildOperations.Reverse())
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        pending.Push(child);
                    }
                }

                if (++walked > MaxOperations)
                {
                    query.Truncated = true;
                    return null;
                }

                // Awaited or returned tasks: what the function's own task waits for. A task only started is not.
                var task = operation switch
                {
                    IAwaitOperation awaited => awaited.Operation,
                    IReturnOperation { ReturnedValue: { } returned } => returned,
                    _ => null,
                };
                if (Unwrap(task) is IInvocationOperation call && this.TaskWork(call, query, callers) is { } work)
                {
                    return work;
                }
            }

            return null;
        }

        /// <summary>Through conversions, <c>ConfigureAwait</c> and <c>AsTask</c>.</summary>
        public static IOperation? Unwrap(IOperation? value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "AsTask" or "ConfigureAwait", Instance: { } inner }:
                        value = inner;
                        continue;
                    default:
                        return value;
                }
            }
        }

        public static bool IsTaskType(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

        /// <summary>SslStream and NegotiateStream: every task-based member reads, writes or negotiates on the wire.</summary>
        private static bool IsAuthenticatedStream(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current is { Name: "AuthenticatedStream", ContainingNamespace: { Name: "Security", ContainingNamespace.Name: "Net" } })
                {
                    return true;
                }
            }

            return false;
        }

#pragma warning disable RS1030 // The callee's operation tree is needed and the driver offers no other way to reach it; one model per tree per compilation.
        private SemanticModel CreateModel(SyntaxTree tree) => this.compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        /// <summary>One question's budget and cancellation.</summary>
        private sealed class Query
        {
            public Query(CancellationToken cancellationToken) => this.CancellationToken = cancellationToken;

            public CancellationToken CancellationToken { get; }

            public int Walks { get; set; }

            public bool Truncated { get; set; }
        }
    }
}
