using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// Drives code fixes the way the IDE does, outside the testing library: one document in an ad-hoc workspace, a fix
    /// asked to register its actions for one diagnostic, each action's operations computed, FixAll over a document.
    /// Shared by the robustness and fuzz tests, which check that none of these steps throws.
    /// </summary>
    internal static class CodeFixRunner
    {
        /// <summary>A one-document C# project against the .NET 10 reference assemblies.</summary>
        public static Document CreateDocument(AdhocWorkspace workspace, string fileName, string text, OutputKind kind)
        {
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Corpus",
                "Corpus",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: Basic.Reference.Assemblies.Net100.References.All));
            return workspace.AddDocument(project.Id, fileName, SourceText.From(text));
        }

        /// <summary>
        /// The first <paramref name="perId"/> diagnostics of each ID and the last one, in source order: what a
        /// robustness test offers the fixes. In a large generated method the hundredth SOCK109 takes the same path as
        /// the first, and each costs a full recomputation of the document; the first and last cover both ends of it.
        /// </summary>
        public static IEnumerable<Diagnostic> Sample(IEnumerable<Diagnostic> diagnostics, int perId) => diagnostics
            .GroupBy(diagnostic => diagnostic.Id, System.StringComparer.Ordinal)
            .SelectMany(group =>
            {
                var ordered = group.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList();
                return ordered.Take(perId).Concat(ordered.Skip(perId).TakeLast(1));
            });

        /// <summary>The actions <paramref name="fix"/> registers for <paramref name="diagnostic"/>.</summary>
        public static async Task<ImmutableArray<CodeAction>> RegisterAsync(CodeFixProvider fix, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = ImmutableArray.CreateBuilder<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
            await fix.RegisterCodeFixesAsync(context);
            return actions.ToImmutable();
        }

        /// <summary>The solution an action produces: its operations computed, as the IDE does to preview and apply it.</summary>
        public static async Task<Solution> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        /// <summary>
        /// The FixAll action of <paramref name="fix"/> in one document for the diagnostics of one ID, or null when the
        /// provider has no FixAll or offers none for that scope.
        /// </summary>
        public static async Task<CodeAction?> FixAllInDocumentAsync(CodeFixProvider fix, Document document, string diagnosticId, string? equivalenceKey, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var provider = fix.GetFixAllProvider();
            if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                return null;
            }

            var context = new FixAllContext(
                document,
                fix,
                FixAllScope.Document,
                equivalenceKey,
                new[] { diagnosticId },
                new FixedDiagnosticProvider(diagnostics),
                cancellationToken);
            return await provider.GetFixAsync(context);
        }
    }
}
