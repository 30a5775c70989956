using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Two facts about a body of a program, read from its call sites. It "runs once": a fixed number of times per
    /// process, at most once per call site (the entry point, what the entry point calls or starts on a thread outside
    /// any loop, and so on down). And an exception leaving it ends the process (it escapes the entry point, a thread or a
    /// thread-pool work item with no catch on the way: .NET terminates the process on an unhandled exception, and the
    /// system closes every descriptor). A socket a run-once body leaves open stays open until the process ends, a fixed
    /// number of times: not the accumulating leak the lifetime rules look for. Asked only when a lifetime rule is about
    /// to report; answers are cached per compilation.
    /// </summary>
    internal sealed partial class ProcessLifetime
    {
        /// <summary>How many bodies up the chain of callers are followed before giving up (unknown: not once).</summary>
        private const int MaxDepth = 4;

        /// <summary>A method called from more places than this is not a run-once step of a program's start.</summary>
        private const int MaxReferences = 16;

        private readonly Compilation compilation;
        private readonly System.Func<SyntaxTree, SemanticModel> models;
        private readonly ConcurrentDictionary<ISymbol, bool> runsOnce = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> endsProcess = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, List<SyntaxToken>> tokensByName = new ConcurrentDictionary<string, List<SyntaxToken>>();
        private int isProgram = -1;
        private int hasFriends = -1;

        /// <param name="compilation">The program.</param>
        /// <param name="models">One semantic model per tree (the flow engine shares its summaries' models).</param>
        public ProcessLifetime(Compilation compilation, System.Func<SyntaxTree, SemanticModel> models)
        {
            this.compilation = compilation;
            this.models = models;
        }

        /// <summary>
        /// Every constructor of the type is called, and only by bodies that run once per process, outside loops (or by a
        /// static initializer): each object of it lives as long as the process does.
        /// </summary>
        public bool CreatedOncePerProcess(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (type.InstanceConstructors.IsEmpty)
            {
                return false;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (!this.RunsOnce(constructor, cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>static Main</c> (any of its signatures) or the top-level statements.</summary>
        public static bool IsEntryPoint(ISymbol? owner) =>
            owner is IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$", MethodKind: MethodKind.Ordinary };

        /// <summary>The body runs at most once per process run.</summary>
        public bool RunsOnce(ISymbol? owner, CancellationToken cancellationToken)
        {
            if (IsEntryPoint(owner))
            {
                return true;
            }

            if (owner is not IMethodSymbol method || !this.AllCallSitesKnown(method, cancellationToken))
            {
                return false;
            }

            // Cached per asked body only: an answer found inside another query may rest on that query's cycle cut.
            return this.runsOnce.TryGetValue(method, out var known)
                ? known
                : this.runsOnce.GetOrAdd(method, this.RunsOnce(method, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken));
        }

        /// <summary>An exception that leaves the body is unhandled all the way up: it ends the process.</summary>
        public bool ExceptionEndsProcess(ISymbol? owner, CancellationToken cancellationToken)
        {
            if (IsEntryPoint(owner))
            {
                return true;
            }

            // In a library only what no other assembly can call is decided here (a thread's start, a private handler).
            if (owner is not IMethodSymbol method || !this.AllCallSitesKnown(method, cancellationToken))
            {
                return false;
            }

            return this.endsProcess.TryGetValue(method, out var known)
                ? known
                : this.endsProcess.GetOrAdd(method, this.EndsProcess(method, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken));
        }

        /// <summary><paramref name="visiting"/>: the bodies on the current chain (a cycle of calls runs any number of times).</summary>
        private bool RunsOnce(IMethodSymbol method, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
        {
            if (IsEntryPoint(method))
            {
                return true;
            }

            if (visiting.Count > MaxDepth || !this.AllCallSitesKnown(method, cancellationToken) || !visiting.Add(method))
            {
                return false;
            }

            var result = method.MethodKind == MethodKind.AnonymousFunction
                ? method.DeclaringSyntaxReferences.Length == 1 && this.StartedOnce(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), visiting, cancellationToken)
                : this.EveryReference(method, cancellationToken, (site, isCall) => isCall
                    ? this.InRunOnceBodyOutsideLoops(site, visiting, cancellationToken)
                    : this.StartedOnce(site, visiting, cancellationToken));
            visiting.Remove(method);
            return result;
        }

        private bool EndsProcess(IMethodSymbol method, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
        {
            if (IsEntryPoint(method))
            {
                return true;
            }

            if (visiting.Count > MaxDepth || !this.AllCallSitesKnown(method, cancellationToken) || !visiting.Add(method))
            {
                return false;
            }

            bool result;
            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                result = method.DeclaringSyntaxReferences.Length == 1
                    && this.StartEndsProcess(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), visiting, cancellationToken);
            }
            else
            {
                result = this.EveryReference(method, cancellationToken, (site, isCall) =>
                {
                    if (!isCall)
                    {
                        return this.StartEndsProcess(site, visiting, cancellationToken);
                    }

                    // An async method keeps its exception in its task: only a caller that awaits or waits rethrows it.
                    return (!method.IsAsync || this.Rethrown(site, cancellationToken))
                        && !InsideTryWithCatch(site)
                        && this.EnclosingFunction(site, cancellationToken) is { } caller
                        && this.EndsProcess(caller, visiting, cancellationToken);
                });
            }

            visiting.Remove(method);
            return result;
        }

        /// <summary>
        /// The function is run by a thread or a work item (an exception it lets out terminates the process), or by
        /// <c>Task.Run</c> whose task the starting body awaits or waits on outside a try with a catch, in a body whose own
        /// exception ends the process (<c>await Task.Run(Serve);</c> in Main: Task.Run unwraps an async function's task,
        /// so its exception comes out at the await; <c>StartNew</c> of an async function does not, and is not counted).
        /// </summary>
        private bool StartEndsProcess(SyntaxNode function, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
        {
            var kind = this.StartKind(function, cancellationToken, out var start);
            return kind == Start.ThreadOrPool
                || (kind == Start.Task
                    && start is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" } }
                    && this.Rethrown(start, cancellationToken)
                    && !InsideTryWithCatch(start)
                    && this.EnclosingFunction(start, cancellationToken) is { } caller
                    && this.EndsProcess(caller, visiting, cancellationToken));
        }

        /// <summary>Every reference to the method is a call or a function start that <paramref name="accept"/> accepts.</summary>
        private bool EveryReference(IMethodSymbol method, CancellationToken cancellationToken, System.Func<SyntaxNode, bool, bool> accept)
        {
            if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor)
                || method.IsVirtual || method.IsAbstract || method.IsOverride || !method.ExplicitInterfaceImplementations.IsEmpty
                || (method.DeclaringSyntaxReferences.IsEmpty && !(method.MethodKind == MethodKind.Constructor && method.IsImplicitlyDeclared))
                || method.IsStatic && method.MethodKind == MethodKind.Constructor || (method.MethodKind == MethodKind.Ordinary && HandlerOwnership.ImplementsInterface(method)))
            {
                return false;
            }

            var references = 0;
            foreach (var token in this.Tokens(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Reference(token, method.MethodKind == MethodKind.Constructor) is not { } site
                    || !this.Names(site, method, cancellationToken))
                {
                    continue;
                }

                var call = Call(site);
                if (++references > MaxReferences || !accept(call ?? site, call is not null))
                {
                    return false;
                }
            }

            // No reference found: called from elsewhere (a library entry, reflection, a framework), not known; unless
            // nothing else can name it (it never runs).
            return references > 0 || NeverCalledElsewhere(method);
        }

        /// <summary>The expression the token names a method or type with: a name, a member access, an object creation.</summary>
        private static SyntaxNode? Reference(SyntaxToken token, bool constructor)
        {
            if (token.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            if (constructor)
            {
                SyntaxNode type = name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? qualified : name;
                return type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type ? creation : null;
            }

            return name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        }

        private bool Names(SyntaxNode site, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var info = this.models(site.SyntaxTree).GetSymbolInfo(site, cancellationToken);
            if (info.Symbol is { } symbol)
            {
                return SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, method);
            }

            foreach (var candidate in info.CandidateSymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The call the reference makes (<c>M(…)</c>, <c>new T(…)</c>), or null for a method group.</summary>
        private static SyntaxNode? Call(SyntaxNode site) => site switch
        {
            ObjectCreationExpressionSyntax creation => creation,
            _ when site.Parent is InvocationExpressionSyntax invocation && invocation.Expression == site => invocation,
            _ => null,
        };

        private enum Start
        {
            None,
            Task,
            ThreadOrPool,
        }

        /// <summary>
        /// The function (a lambda or a method group) is what <c>new Thread(…)</c>, <c>ThreadPool.QueueUserWorkItem</c>,
        /// <c>Task.Run</c> or <c>TaskFactory.StartNew</c> runs; <paramref name="start"/> is that call.
        /// </summary>
        private Start StartKind(SyntaxNode function, CancellationToken cancellationToken, out SyntaxNode? start)
        {
            start = null;
            var current = function;
            while (current.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } })
            {
                var model = this.models(call.SyntaxTree);
                if (call is ObjectCreationExpressionSyntax && model.GetTypeInfo(call, cancellationToken).Type is { TypeKind: TypeKind.Delegate })
                {
                    // new ThreadStart(Run): the delegate is what the enclosing call receives.
                    current = call;
                    continue;
                }

                if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol target)
                {
                    return Start.None;
                }

                var type = target.ContainingType;

                start = call;
                var ns = type.ContainingNamespace?.ToDisplayString();
                return (ns, type.Name, target.Name) switch
                {
                    ("System.Threading", "Thread", ".ctor") => Start.ThreadOrPool,
                    ("System.Threading", "ThreadPool", "QueueUserWorkItem" or "UnsafeQueueUserWorkItem") => Start.ThreadOrPool,
                    ("System.Threading.Tasks", "Task", "Run") or ("System.Threading.Tasks", "TaskFactory", "StartNew") => Start.Task,
                    _ => Start.None,
                };
            }

            return Start.None;
        }

        /// <summary>The function is started once, on a thread or as a task, by a run-once body outside its loops.</summary>
        private bool StartedOnce(SyntaxNode function, HashSet<ISymbol> visiting, CancellationToken cancellationToken) =>
            this.StartKind(function, cancellationToken, out var start) != Start.None && start is not null
            && this.InRunOnceBodyOutsideLoops(start, visiting, cancellationToken);

        private bool InRunOnceBodyOutsideLoops(SyntaxNode node, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
        {
            if (InLoop(node))
            {
                return false;
            }

            // A static field's initializer and a static constructor run once, when the type is first used.
            var enclosing = this.models(node.SyntaxTree).GetEnclosingSymbol(node.SpanStart, cancellationToken);
            return enclosing switch
            {
                IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } => true,
                IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => true,
                IMethodSymbol caller => this.RunsOnce(caller, visiting, cancellationToken),
                _ => false,
            };
        }

        /// <summary>The method, local function or lambda whose body holds the node (the top-level statements' too).</summary>
        private IMethodSymbol? EnclosingFunction(SyntaxNode node, CancellationToken cancellationToken)
        {
            var model = this.models(node.SyntaxTree);
            return model.GetEnclosingSymbol(node.SpanStart, cancellationToken) as IMethodSymbol;
        }

        private static bool InLoop(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return true;
                    case MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Inside the try block of a try statement with a catch, in the same function: the caller may handle it.</summary>
        private static bool InsideTryWithCatch(SyntaxNode node)
        {
            for (var current = node; current.Parent is { } parent; current = parent)
            {
                switch (parent)
                {
                    case TryStatementSyntax tryStatement when tryStatement.Block == current && tryStatement.Catches.Count > 0:
                        return true;
                    case MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// A program (an entry point exists: a static Main or top-level statements), not a library whose public methods
        /// anyone may call any number of times. Looked up in the declaration table, without a syntax walk.
        /// </summary>
        private bool IsProgram(CancellationToken cancellationToken)
        {
            if (this.isProgram < 0)
            {
                var compilation = this.compilation;
                var found = compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule)
                    || compilation.ContainsSymbolsWithName("Main", SymbolFilter.Member, cancellationToken)
                    || HasTopLevelStatements(compilation, cancellationToken);
                this.isProgram = found ? 1 : 0;
            }

            return this.isProgram == 1;
        }

        private static bool HasTopLevelStatements(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>Every identifier token with this text in the compilation, found once per name.</summary>
        private List<SyntaxToken> Tokens(string name, CancellationToken cancellationToken)
        {
            if (this.tokensByName.TryGetValue(name, out var known))
            {
                return known;
            }

            var found = new List<SyntaxToken>();
            foreach (var tree in this.compilation.SyntaxTrees)
            {
                // A search of the text first: walking a tree's tokens costs far more, and most trees never name it. A
                // tree with a \u escape may spell the name another way: walked anyway.
                var text = tree.GetText(cancellationToken).ToString();
                if (text.IndexOf(name, System.StringComparison.Ordinal) < 0 && text.IndexOf("\\u", System.StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
                    {
                        found.Add(token);
                    }
                }
            }

            return this.tokensByName.GetOrAdd(name, found);
        }
    }
}
