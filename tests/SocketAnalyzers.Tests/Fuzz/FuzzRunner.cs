using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Runs one fuzz case through everything the package ships, as the IDE would while the code is being typed: every
    /// analyzer (whole compilation, one file, a span), then every code fix on every diagnostic it can fix — each
    /// offered action computed, and FixAll once per fixable ID in the document. An action that changes nothing is
    /// accepted here (the fix tests assert what each fix does); an exception anywhere is a failure.
    /// </summary>
    internal static class FuzzRunner
    {
        /// <summary>
        /// Each fix is offered the first few diagnostics of each ID and the last (FixAll gets them all): a sample with
        /// fifty SOCK201 would otherwise spend the budget recomputing one fix fifty times on the same kind of input.
        /// </summary>
        private const int MaxDiagnosticsPerId = 4;

        private static readonly ImmutableArray<CodeFixProvider> Fixes = AnalyzerCatalog.CreateCodeFixes();

        public static async Task<FuzzOutcome> RunAsync(FuzzCase fuzzCase)
        {
            var failures = new List<string>();
            var actionsApplied = 0;
            var fixAllsApplied = 0;
            var diagnostics = ImmutableArray<Diagnostic>.Empty;
            try
            {
                using var workspace = new AdhocWorkspace();
                var document = CodeFixRunner.CreateDocument(workspace, "Fuzz.cs", fuzzCase.Text, OutputKindOf(fuzzCase.Sample.Text));
                var run = await AnalyzerRunner.RunAsync((await document.Project.GetCompilationAsync())!);
                failures.AddRange(run.Failures);
                diagnostics = run.Diagnostics;
                foreach (var fix in Fixes)
                {
                    foreach (var id in fix.FixableDiagnosticIds)
                    {
                        var fixable = diagnostics.Where(diagnostic => diagnostic.Id == id).ToImmutableArray();
                        if (fixable.IsEmpty)
                        {
                            continue;
                        }

                        var (applied, equivalenceKey) = await ApplyEachAsync(fix, document, CodeFixRunner.Sample(fixable, MaxDiagnosticsPerId), failures);
                        actionsApplied += applied;
                        fixAllsApplied += await FixAllAsync(fix, document, id, equivalenceKey, fixable, failures);
                    }
                }
            }
            catch (Exception e)
            {
                failures.Add("The fuzz run itself threw (compiler or workspace): " + e);
            }

            return new FuzzOutcome(failures.ToImmutableArray(), diagnostics.Length, actionsApplied, fixAllsApplied);
        }

        /// <summary>Registers the fix on each diagnostic and computes every action; returns how many and the first action's key.</summary>
        private static async Task<(int Applied, string? EquivalenceKey)> ApplyEachAsync(CodeFixProvider fix, Document document, IEnumerable<Diagnostic> fixable, List<string> failures)
        {
            var applied = 0;
            string? equivalenceKey = null;
            foreach (var diagnostic in fixable)
            {
                try
                {
                    foreach (var action in await CodeFixRunner.RegisterAsync(fix, document, diagnostic, CancellationToken.None))
                    {
                        equivalenceKey ??= action.EquivalenceKey;
                        var changed = await CodeFixRunner.ApplyAsync(action, CancellationToken.None);
                        _ = await changed.GetDocument(document.Id)!.GetTextAsync();
                        applied++;
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{fix.GetType().Name} on {diagnostic}: {e}");
                }
            }

            return (applied, equivalenceKey);
        }

        private static async Task<int> FixAllAsync(CodeFixProvider fix, Document document, string id, string? equivalenceKey, ImmutableArray<Diagnostic> fixable, List<string> failures)
        {
            if (equivalenceKey is null)
            {
                // No action offered (or one without a key): the IDE offers no FixAll either.
                return 0;
            }

            try
            {
                var action = await CodeFixRunner.FixAllInDocumentAsync(fix, document, id, equivalenceKey, fixable, CancellationToken.None);
                if (action is null)
                {
                    return 0;
                }

                _ = await (await CodeFixRunner.ApplyAsync(action, CancellationToken.None)).GetDocument(document.Id)!.GetTextAsync();
                return 1;
            }
            catch (Exception e)
            {
                failures.Add($"{fix.GetType().Name} FixAll of {id} (key {equivalenceKey}): {e}");
                return 0;
            }
        }

        /// <summary>Samples with top-level statements are programs; everything else compiles as a library.</summary>
        private static OutputKind OutputKindOf(string sampleText) =>
            CSharpSyntaxTree.ParseText(sampleText).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;
    }
}
