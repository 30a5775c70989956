using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Handler methods own their parameters: a private or internal, non-virtual method of the compilation whose every
    /// reference is a call (or a run-once start, <see cref="RunOnceSinks"/>) passing a socket the caller owns as its last
    /// use of it — a fresh accept or creation, or a local holding one that the caller never touches again — is that
    /// socket's owner from its entry. Callers already stop owning what a callee closes on some path; this is where the
    /// other paths are checked. One per compilation, thread-safe; the call sites of a candidate are found through a
    /// <see cref="HandlerNameIndex"/>, built the first time a candidate is asked about.
    /// </summary>
    internal sealed class HandlerOwnership
    {
        private static readonly HashSet<string> CandidateTypeNames = new HashSet<string>
        {
            "Socket", "TcpClient", "TcpListener", "UdpClient", "NetworkStream", "object", "Object",
        };

        /// <summary>
        /// A name used more often than this (a handler called <c>Send</c> among a thousand socket sends) is not followed:
        /// binding every use would cost more than the handler is worth.
        /// </summary>
        private const int MaxReferencesPerName = 200;

        private readonly FlowContext context;
        private readonly ConcurrentDictionary<IMethodSymbol, HandedParameters> cache = new ConcurrentDictionary<IMethodSymbol, HandedParameters>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, Lazy<Dictionary<ISymbol, List<IdentifierNameSyntax>>>> boundByName = new ConcurrentDictionary<string, Lazy<Dictionary<ISymbol, List<IdentifierNameSyntax>>>>();
        private HandlerNameIndex? index;

        public HandlerOwnership(FlowContext context) => this.context = context;

        /// <summary>Which parameters of <paramref name="method"/> it owns from entry (with the socket type each receives), or null.</summary>
        public HandedParameters? Get(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!this.IsCandidate(method))
            {
                return null;
            }

            if (!this.cache.TryGetValue(method, out var known))
            {
                known = this.Compute(method, cancellationToken);
                this.cache.TryAdd(method, known);
            }

            return known.IsEmpty ? null : known;
        }

        private bool IsCandidate(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
                || method.PartialImplementationPart is not null || method.DeclaringSyntaxReferences.Length != 1 || method.Parameters.Length == 0
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.context.Compilation.Assembly)
                || IsVisibleOutside(method) || ImplementsInterface(method))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                // An object parameter only as the state of a callback (its one parameter) that reads it back as a socket.
                if (parameter.RefKind == RefKind.None && (this.context.Symbols.TryGetApi(parameter.Type, out _)
                    || (parameter.Type.SpecialType == SpecialType.System_Object && method.Parameters.Length == 1 && ReadsBackSocket(method))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A cast, <c>as</c> or type test to a socket type name in the body (syntax only: a cheap prefilter).</summary>
        private static bool ReadsBackSocket(IMethodSymbol method)
        {
            foreach (var node in method.DeclaringSyntaxReferences[0].GetSyntax().DescendantNodes())
            {
                var type = node switch
                {
                    CastExpressionSyntax cast => cast.Type,
                    BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression } binary => binary.Right as TypeSyntax,
                    DeclarationPatternSyntax pattern => pattern.Type,
                    _ => null,
                };
                if (type is not null && RightmostName(type) is { } name && name is not ("object" or "Object") && CandidateTypeNames.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? RightmostName(TypeSyntax type)
        {
            while (type is NullableTypeSyntax nullable)
            {
                type = nullable.ElementType;
            }

            return type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
                _ => null,
            };
        }

        /// <summary>Callable from another assembly: then not every call site is in this compilation.</summary>
        internal static bool IsVisibleOutside(ISymbol symbol)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal)
                {
                    return false;
                }
            }

            return true;
        }

        internal static bool ImplementsInterface(IMethodSymbol method)
        {
            if (!method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return true;
            }

            foreach (var type in method.ContainingType.AllInterfaces)
            {
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private HandedParameters Compute(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var parameters = method.Parameters;
            var apis = new SocketApi?[parameters.Length];
            var owned = new bool[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                owned[i] = parameters[i].RefKind == RefKind.None;
                if (this.context.Symbols.TryGetApi(parameters[i].Type, out var api))
                {
                    apis[i] = api;
                }
            }

            if (this.ReferencesTo(method, cancellationToken) is not { } names)
            {
                return HandedParameters.None;
            }

            var endsProcess = true;
            var calls = 0;
            var declaration = method.DeclaringSyntaxReferences[0];
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var model = this.context.Summaries.GetModel(name.SyntaxTree);

                // A recursive call: the method would own what it hands itself; not followed.
                if (name.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(name.Span))
                {
                    return HandedParameters.None;
                }

                var site = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
                if (site.Parent is InvocationExpressionSyntax invocation && invocation.Expression == site
                    && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call)
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter is { } parameter && parameter.Ordinal < owned.Length && owned[parameter.Ordinal])
                        {
                            owned[parameter.Ordinal] = this.HandsOver(argument.Value, call, ref apis[parameter.Ordinal]);
                        }
                    }

                    endsProcess &= RunOnceSinks.RunsOnThreadWithoutCatch(call);
                }
                else if (model.GetOperation(site, cancellationToken)?.Parent is IDelegateCreationOperation creation
                    && RunOnceSinks.StartedWithState(creation) is { } started && parameters.Length == 1)
                {
                    owned[0] &= started.State is { } state && this.HandsOver(state, started.Call, ref apis[0]);
                    endsProcess &= started.EndsProcess;
                }
                else
                {
                    // Any other reference (an event, a delegate kept for later, a callback that may run many times).
                    return HandedParameters.None;
                }

                calls++;
            }

            if (calls == 0)
            {
                return HandedParameters.None;
            }

            var result = ImmutableArray.CreateBuilder<SocketApi?>(parameters.Length);
            for (var i = 0; i < parameters.Length; i++)
            {
                result.Add(owned[i] ? apis[i] : null);
            }

            return new HandedParameters(result.MoveToImmutable(), endsProcess);
        }

        /// <summary>
        /// The identifiers that name <paramref name="method"/>, or null when its name is used too often to follow. A
        /// private method (or one of a private type) can only be named inside the type that bounds its accessibility: only
        /// that type's text is read and bound, not every use of a name that other classes repeat (HandleClient). For the
        /// others each use of a name is bound once, for every candidate of that name. Publication-only: a cancelled
        /// binding is not kept.
        /// </summary>
        private List<IdentifierNameSyntax>? ReferencesTo(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var index = this.Index(cancellationToken);
            if (!index.Declares(method.Name) || !index.IsUsedAtMost(method.Name, MaxReferencesPerName, cancellationToken))
            {
                return null;
            }

            if (PrivateScope(method) is { } scope)
            {
                var named = new List<IdentifierNameSyntax>();
                foreach (var reference in scope.DeclaringSyntaxReferences)
                {
                    HandlerNameIndex.CollectWithin(reference.GetSyntax(cancellationToken), method.Name, named);
                }

                var uses = new List<IdentifierNameSyntax>();
                foreach (var name in named)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (SymbolEqualityComparer.Default.Equals(this.context.Summaries.GetModel(name.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, method))
                    {
                        uses.Add(name);
                    }
                }

                return uses;
            }

            var bound = this.boundByName.GetOrAdd(method.Name, key => new Lazy<Dictionary<ISymbol, List<IdentifierNameSyntax>>>(() => this.Bind(index.AllUses(key, cancellationToken), cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;
            return bound.TryGetValue(method, out var all) ? all : new List<IdentifierNameSyntax>();
        }

        /// <summary>
        /// The type whose text bounds where <paramref name="method"/> can be named: the one declaring the innermost private
        /// symbol among the method and its containing types; null when the whole compilation may name it.
        /// </summary>
        private static INamedTypeSymbol? PrivateScope(IMethodSymbol method)
        {
            for (ISymbol current = method; current.ContainingType is { } container; current = container)
            {
                if (current.DeclaredAccessibility == Accessibility.Private)
                {
                    return container;
                }
            }

            return null;
        }

        private Dictionary<ISymbol, List<IdentifierNameSyntax>> Bind(List<IdentifierNameSyntax> names, CancellationToken cancellationToken)
        {
            var result = new Dictionary<ISymbol, List<IdentifierNameSyntax>>(SymbolEqualityComparer.Default);
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (this.context.Summaries.GetModel(name.SyntaxTree).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition is IMethodSymbol target)
                {
                    if (!result.TryGetValue(target, out var list))
                    {
                        result.Add(target, list = new List<IdentifierNameSyntax>());
                    }

                    list.Add(name);
                }
            }

            return result;
        }

        /// <summary>The argument is a socket the caller owns and gives up at <paramref name="call"/>; its type is recorded.</summary>
        private bool HandsOver(IOperation argument, IOperation call, ref SocketApi? api)
        {
            var value = RunOnceSinks.Unwrap(argument);
            if (!this.context.Symbols.TryGetApi(value?.Type, out var argumentApi) || (api is { } expected && expected != argumentApi))
            {
                return false;
            }

            api = argumentApi;
            switch (value)
            {
                case ILocalReferenceOperation local:
                    return RunOnceSinks.IsLastUseOfOwnedLocal(local.Local, call, operation => OwnershipSources.IsOwnedSource(operation, this.context.Symbols));
                default:
                    return OwnershipSources.IsOwnedSource(value, this.context.Symbols);
            }
        }

        /// <summary>Where candidate names are used: built once per compilation, the first time a candidate is asked about.</summary>
        private HandlerNameIndex Index(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref this.index) is { } built)
            {
                return built;
            }

            var result = HandlerNameIndex.Build(this.context.Compilation, cancellationToken);
            return Interlocked.CompareExchange(ref this.index, result, null) ?? result;
        }

        /// <summary>A parameter whose type may be a socket, or the one parameter, typed object, of a callback (syntax only).</summary>
        internal static bool HasCandidateParameter(ParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                var name = parameter.Type is { } type ? RightmostName(type) : null;
                if (name is not null && CandidateTypeNames.Contains(name) && (parameters.Parameters.Count == 1 || name is not ("object" or "Object")))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Per parameter of a handler method: the socket type it receives and owns from entry, or null.</summary>
    internal sealed class HandedParameters
    {
        public static readonly HandedParameters None = new HandedParameters(ImmutableArray<SocketApi?>.Empty, false);

        public HandedParameters(ImmutableArray<SocketApi?> apis, bool exceptionEndsProcess)
        {
            this.Apis = apis;
            this.ExceptionEndsProcess = exceptionEndsProcess;
        }

        public ImmutableArray<SocketApi?> Apis { get; }

        /// <summary>Every caller runs it on a thread or work item without a catch: an exception ends the process.</summary>
        public bool ExceptionEndsProcess { get; }

        public bool IsEmpty
        {
            get
            {
                foreach (var api in this.Apis)
                {
                    if (api is not null)
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
