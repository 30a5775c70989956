using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Reliability
{
    /// <summary>
    /// Facts about the compilation's own methods that receive, computed once per method and compilation (thread-safe:
    /// two threads may compute the same fact; both get the same answer, and answers cut short by depth or recursion
    /// are not kept): whether a method returns a received count
    /// (<see cref="HelperFacts.ReturnsCount"/>), and whether it returns normally after a 0-byte read without telling
    /// its caller (<see cref="HelperFacts.SwallowsEndOfStream"/>). Only methods whose body is the one that runs are
    /// asked about (not virtual, abstract, extern or partial), and only bodies of bounded size are read.
    /// </summary>
    internal sealed class ReceiveHelperCache
    {
        /// <summary>How many helpers deep a count may be returned through (<c>A</c> returns <c>B(…)</c>, which returns a receive).</summary>
        public const int MaxDepth = 3;

        /// <summary>Bodies with more operations are not read: a helper is short.</summary>
        public const int MaxOperations = 2000;

        /// <summary>The names of the counting receives (<see cref="ReceiveCalls.FindCountingReceive"/> finds members by name).</summary>
        private static readonly HashSet<string> CountingReceiveNames = CountingReceives();

        private readonly Compilation compilation;
        private readonly ReceiveContext context;
        private readonly ConcurrentDictionary<IMethodSymbol, HelperFacts> entries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();

        public ReceiveHelperCache(Compilation compilation, ReceiveContext context)
        {
            this.compilation = compilation;
            this.context = context;
        }

        /// <summary>Offers the driver's model of a tree, so helpers in the tree being analysed are not bound twice.</summary>
        public void OfferModel(SemanticModel? model)
        {
            if (model is not null && !this.models.ContainsKey(model.SyntaxTree))
            {
                this.models.TryAdd(model.SyntaxTree, model);
            }
        }

        /// <summary>The facts of a helper of the compilation, or <see cref="HelperFacts.None"/> for anything else.</summary>
        public HelperFacts Get(IMethodSymbol method, CancellationToken cancellationToken) =>
            this.Get(method, 0, ImmutableHashSet<IMethodSymbol>.Empty, cancellationToken, out _);

        /// <summary>
        /// The facts of <paramref name="method"/> asked from a helper at <paramref name="depth"/>; <paramref name="truncated"/>
        /// is set when depth or recursion cut the answer short. Such an answer is not cached, so every caller gets the
        /// answer of a full computation whatever the order in which threads ask.
        /// </summary>
        internal HelperFacts Get(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            method = method.OriginalDefinition;
            if (!this.MayBeHelper(method))
            {
                return HelperFacts.None;
            }

            if (this.entries.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (depth >= MaxDepth || callers.Contains(method))
            {
                truncated = true;
                return HelperFacts.None;
            }

            var facts = this.Compute(method, depth, callers.Add(method), cancellationToken, out truncated);
            if (!truncated)
            {
                this.entries.TryAdd(method, facts);
            }

            return facts;
        }

        private bool MayBeHelper(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.IsVirtual || method.IsOverride || method.PartialImplementationPart is not null
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
                || method.DeclaringSyntaxReferences.Length != 1
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.compilation.Assembly))
            {
                return false;
            }

            return HelperSummary.ReturnsCountType(method.ReturnType) || HelperSummary.ReturnsNothingTested(method);
        }

        private HelperFacts Compute(IMethodSymbol method, int depth, ImmutableHashSet<IMethodSymbol> callers, CancellationToken cancellationToken, out bool truncated)
        {
            truncated = false;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!MayHaveFacts(method, syntax))
            {
                return HelperFacts.None;
            }

            var model = this.models.GetOrAdd(syntax.SyntaxTree, this.CreateModel);
            var body = model.GetOperation(syntax, cancellationToken);
            if (body is not (IMethodBodyOperation or ILocalFunctionOperation) || !HelperSummary.IsSmall(body, MaxOperations))
            {
                return HelperFacts.None;
            }

            var summary = new HelperSummary(body, this.context, depth, callers, cancellationToken);
            var facts = new HelperFacts(
                HelperSummary.ReturnsCountType(method.ReturnType) && summary.ReturnsCount(),
                HelperSummary.ReturnsNothingTested(method) && summary.SwallowsEndOfStream());
            truncated = summary.Truncated;
            return facts;
        }

        /// <summary>
        /// What the syntax alone rules out, before the body is bound (binding is most of a helper's cost): a count is only
        /// ever returned from a call, and a helper swallows the end of the stream only if it calls a counting receive,
        /// which is named in its text. A method that can have neither fact has none at any depth, so the answer is final.
        /// </summary>
        private static bool MayHaveFacts(IMethodSymbol method, SyntaxNode syntax)
        {
            if (HelperSummary.ReturnsCountType(method.ReturnType))
            {
                foreach (var node in syntax.DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (HelperSummary.ReturnsNothingTested(method))
            {
                foreach (var token in syntax.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && CountingReceiveNames.Contains(token.ValueText))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static HashSet<string> CountingReceives()
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in ProtocolApiMap.Members)
            {
                if (member.Api is SocketApi.Socket or SocketApi.NetworkStream && member.Has(ApiTraits.ReturnsReceivedCount))
                {
                    names.Add(member.Name);
                }
            }

            return names;
        }

        public bool IsInCompilation(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, this.compilation.Assembly);

        /// <summary>The semantic model of a tree of the compilation (the driver's, when it was offered).</summary>
        public SemanticModel ModelOf(SyntaxTree tree) => this.models.GetOrAdd(tree, this.CreateModel);

#pragma warning disable RS1030 // A helper's operation tree is needed and the driver offers no other way to reach it; one model per tree per compilation.
        private SemanticModel CreateModel(SyntaxTree tree) => this.compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    /// <summary>What <see cref="ReceiveHelperCache"/> knows about one method.</summary>
    internal sealed class HelperFacts
    {
        public static readonly HelperFacts None = new(false, false);

        public HelperFacts(bool returnsCount, bool swallowsEndOfStream)
        {
            this.ReturnsCount = returnsCount;
            this.SwallowsEndOfStream = swallowsEndOfStream;
        }

        /// <summary>Every return returns what a receive returned, or a sum of such counts: the call is a receive.</summary>
        public bool ReturnsCount { get; }

        /// <summary>
        /// Returns nothing, receives from a stream, and signals nothing (no throw, no field or flag set, no close, no
        /// call to other code of the compilation): after the peer closes it returns normally each time it is called.
        /// </summary>
        public bool SwallowsEndOfStream { get; }
    }
}
