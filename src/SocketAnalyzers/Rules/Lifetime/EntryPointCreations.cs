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
            if (compilation.GetEntryPoint(cancellationToken) is not { } entryPoint)
            {
                return names;
            }

            foreach (var reference in entryPoint.DeclaringSyntaxReferences)
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
