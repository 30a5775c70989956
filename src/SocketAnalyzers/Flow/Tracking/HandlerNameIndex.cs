using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// Where the names of <see cref="HandlerOwnership"/>'s candidates are used in one compilation, built on first use.
    /// Pass 1 reads declarations (not bodies): the names of methods with a parameter whose type may be a socket or a
    /// state object. Pass 2 reads the source text, not the syntax nodes: per tree, the words equal to those names
    /// (<see cref="SourceWords"/>, upper bounds). The identifiers of a name are then collected, when asked, from the
    /// trees whose text may contain it only: most trees of a program never mention a given handler, and walking every
    /// node of every tree was most of what the index cost. Thread-safe.
    /// </summary>
    internal sealed class HandlerNameIndex
    {
        private readonly SyntaxTree[] trees;
        private readonly Dictionary<string, int> names;
        private readonly List<int>[] treesOfName;
        private readonly int[] wordCounts;
        private readonly List<int> irregularTrees;
        private readonly int irregularWords;
        private readonly ConcurrentDictionary<string, Lazy<List<IdentifierNameSyntax>>> uses = new ConcurrentDictionary<string, Lazy<List<IdentifierNameSyntax>>>();

        private HandlerNameIndex(SyntaxTree[] trees, List<string> names, List<int>[] treesOfName, int[] wordCounts, List<int> irregularTrees, int irregularWords)
        {
            this.trees = trees;
            this.names = new Dictionary<string, int>();
            for (var i = 0; i < names.Count; i++)
            {
                this.names.Add(names[i], i);
            }

            this.treesOfName = treesOfName;
            this.wordCounts = wordCounts;
            this.irregularTrees = irregularTrees;
            this.irregularWords = irregularWords;
        }

        public static HandlerNameIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = new List<SyntaxTree>(compilation.SyntaxTrees).ToArray();

            // Pass 1: names of methods with a parameter whose type may be a socket or a state object. Methods are members
            // of types, namespaces or the compilation unit (scripts): nothing else is entered.
            var declared = new HashSet<string>();
            var names = new List<string>();
            foreach (var tree in trees)
            {
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    if (node is MethodDeclarationSyntax declaration && HandlerOwnership.HasCandidateParameter(declaration.ParameterList)
                        && declared.Add(declaration.Identifier.ValueText))
                    {
                        names.Add(declaration.Identifier.ValueText);
                    }
                }
            }

            // Pass 2: where each name may be used, from the text.
            var treesOfName = new List<int>[names.Count];
            var wordCounts = new int[names.Count];
            var irregularTrees = new List<int>();
            var irregularWords = 0;
            if (names.Count > 0)
            {
                var scanner = new SourceWords(names);
                for (var t = 0; t < trees.Length; t++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var words = scanner.Scan(trees[t].GetText(cancellationToken));
                    foreach (var pair in words.Counts)
                    {
                        (treesOfName[pair.Key] ??= new List<int>()).Add(t);
                        wordCounts[pair.Key] += pair.Value;
                    }

                    if (words.Irregular > 0)
                    {
                        irregularTrees.Add(t);
                        irregularWords += words.Irregular;
                    }
                }
            }

            return new HandlerNameIndex(trees, names, treesOfName, wordCounts, irregularTrees, irregularWords);
        }

        /// <summary>A method with this name has a parameter whose type may be a socket or a state object (pass 1).</summary>
        public bool Declares(string name) => this.names.ContainsKey(name);

        /// <summary>
        /// At most <paramref name="limit"/> identifiers of the compilation have this name: the text's count decides when
        /// it is low enough, the identifiers themselves otherwise.
        /// </summary>
        public bool IsUsedAtMost(string name, int limit, CancellationToken cancellationToken) =>
            !this.names.TryGetValue(name, out var index)
            || this.wordCounts[index] + this.irregularWords <= limit
            || this.AllUses(name, cancellationToken).Count <= limit;

        /// <summary>Every identifier with this name in the compilation, in the order of the trees and of the text.</summary>
        public List<IdentifierNameSyntax> AllUses(string name, CancellationToken cancellationToken) =>
            this.uses.GetOrAdd(name, key => new Lazy<List<IdentifierNameSyntax>>(() => this.Collect(key, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

        /// <summary>The identifiers with this name inside <paramref name="node"/>, in the order of the text.</summary>
        public static void CollectWithin(SyntaxNode node, string name, List<IdentifierNameSyntax> result)
        {
            foreach (var descendant in node.DescendantNodes())
            {
                if (descendant is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                {
                    result.Add(identifier);
                }
            }
        }

        private List<IdentifierNameSyntax> Collect(string name, CancellationToken cancellationToken)
        {
            var result = new List<IdentifierNameSyntax>();
            if (!this.names.TryGetValue(name, out var index))
            {
                return result;
            }

            // The trees with the word and those with irregular spellings, merged in tree order.
            var withWord = this.treesOfName[index] ?? new List<int>();
            int w = 0, r = 0;
            while (w < withWord.Count || r < this.irregularTrees.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int next;
                if (r >= this.irregularTrees.Count || (w < withWord.Count && withWord[w] <= this.irregularTrees[r]))
                {
                    next = withWord[w++];
                    if (r < this.irregularTrees.Count && this.irregularTrees[r] == next)
                    {
                        r++;
                    }
                }
                else
                {
                    next = this.irregularTrees[r++];
                }

                CollectWithin(this.trees[next].GetRoot(cancellationToken), name, result);
            }

            return result;
        }
    }
}
