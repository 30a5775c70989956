using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// The types the program's entry point creates once (not in a loop): <c>new Server().Run()</c> in <c>Main</c>,
    /// <c>Application.Run(new MainForm())</c>, top-level statements. Such an object lives as long as the process. Read
    /// from the entry point's syntax once per compilation (by type name: the entry point is one method).
    /// </summary>
    internal sealed class EntryPointCreations
    {
        private readonly Compilation compilation;
        private HashSet<string>? names;

        public EntryPointCreations(Compilation compilation) => this.compilation = compilation;

        public bool Creates(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var created = Volatile.Read(ref this.names);
            if (created is null)
            {
                created = Collect(this.compilation, cancellationToken);
                Interlocked.CompareExchange(ref this.names, created, null);
            }

            return created.Contains(type.Name);
        }

        private static HashSet<string> Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var reference in EntryPointSyntax(compilation, cancellationToken))
            {
                var root = reference.GetSyntax(cancellationToken);
                var bodies = root is CompilationUnitSyntax unit
                    ? (IEnumerable<SyntaxNode>)unit.Members.OfType<GlobalStatementSyntax>()
                    : new[] { root };
                foreach (var body in bodies)
                {
                    foreach (var node in body.DescendantNodes())
                    {
                        if (node is ObjectCreationExpressionSyntax creation && !InLoop(creation, body) && RightmostName(creation.Type) is { } name)
                        {
                            names.Add(name);
                        }
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// The entry point's declarations; without one (a library build, or several programs compiled together), every
        /// <c>static Main</c> and the top-level statements, as <see cref="LifetimeFindings.IsEntryPoint"/> reads them.
        /// </summary>
        private static IEnumerable<SyntaxReference> EntryPointSyntax(Compilation compilation, CancellationToken cancellationToken)
        {
            if (compilation.GetEntryPoint(cancellationToken) is { } entryPoint)
            {
                return entryPoint.DeclaringSyntaxReferences;
            }

            var references = new List<SyntaxReference>();
            foreach (var symbol in compilation.GetSymbolsWithName("Main", SymbolFilter.Member, cancellationToken))
            {
                if (LifetimeFindings.IsEntryPoint(symbol))
                {
                    references.AddRange(symbol.DeclaringSyntaxReferences);
                }
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any())
                {
                    references.Add(unit.GetReference());
                }
            }

            return references;
        }

        private static bool InLoop(SyntaxNode node, SyntaxNode body)
        {
            for (var current = node.Parent; current is not null && current != body; current = current.Parent)
            {
                if (current is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
