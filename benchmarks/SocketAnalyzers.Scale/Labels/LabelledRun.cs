using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Precision;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// A labelled folder scored: each repository (<c>owner__repo</c>) compiled on its own as its users build it, or the
    /// whole folder as one compilation (<c>--one-compilation</c>, how runs before per-repository compilation were made),
    /// then each tool of labels-scoring.json in a pass of its own per compilation (<see cref="ToolPass"/>, with its
    /// precision.json options) where only the rules that count for some category are on, as warnings; every finding
    /// matched to the labels.
    /// </summary>
    internal sealed class LabelledRun
    {
        public required SourceSet Sources { get; init; }

        public required LabelFile Labels { get; init; }

        public required LabelCategories Categories { get; init; }

        public int CompilerErrors { get; private set; }

        /// <summary>The compilations the folder was run as (one per project of each repository, or the whole folder).</summary>
        public List<string> Projects { get; private set; } = new();

        /// <summary>The tools that ran, with their version, in the order of labels-scoring.json.</summary>
        public List<(string Name, string Version)> Tools { get; } = new();

        public List<Finding> Findings { get; } = new();

        public List<CategoryScore> Scores { get; } = new();

        /// <summary>Per rule of ours (<see cref="RuleScore"/>).</summary>
        public List<RuleScore> OurRules { get; } = new();

        /// <summary>Tools that could not be loaded or crashed (AD0001): the run is incomplete.</summary>
        public List<string> Errors { get; } = new();

        /// <param name="oursOnly">Only SocketAnalyzers (<c>--tools ours</c>); otherwise every tool of labels-scoring.json.</param>
        /// <param name="oneCompilation">The whole folder as one compilation instead of one per repository.</param>
        public static async Task<LabelledRun> RunAsync(string folder, IReadOnlyList<string> labelFiles, bool oursOnly, bool implicitUsings, bool oneCompilation, CancellationToken cancellationToken)
        {
            var categories = LabelCategories.Load();
            var sources = SourceSet.FromFolder(folder, implicitUsings);
            var labels = LabelFile.Read(labelFiles, categories, sources.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
            var run = new LabelledRun { Sources = sources, Labels = labels, Categories = categories };

            var projects = oneCompilation ? new List<SourceSet> { sources } : sources.ByRepository();
            run.Projects = projects.Select(p => p.Name.Substring(sources.Name.Length).TrimStart('/')).ToList();
            var compilations = projects.Select(s => s.Compile()).ToList();
            run.CompilerErrors = compilations.Sum(c => c.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error));
            var toolConfigs = PrecisionConfig.Load<PrecisionConfig>(Path.Combine(AppContext.BaseDirectory, "precision.json")).Tools;
            var catalog = AnalyzerCatalog.Load(Path.Combine(AppContext.BaseDirectory, "scale-analyzers.txt"));
            var scored = categories.AllRules();
            foreach (var name in oursOnly ? categories.Tools.Take(1) : categories.Tools)
            {
                var tool = toolConfigs.FirstOrDefault(t => t.Name == name)
                    ?? throw new InvalidDataException("labels-scoring.json names tool '" + name + "', which precision.json does not define");
                var loadErrors = new List<string>();
                var analyzers = catalog.Analyzers(tool.Package, loadErrors);
                run.Errors.AddRange(loadErrors.Select(e => name + ": " + e));
                var ran = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(scored.Contains).ToHashSet(StringComparer.Ordinal);
                if (ran.Count == 0)
                {
                    run.Errors.Add(name + ": none of its analyzers reports a scored rule");
                    continue;
                }

                var diagnostics = new List<Diagnostic>();
                foreach (var compilation in compilations)
                {
                    var pass = await ToolPass.RunAsync(compilation, analyzers, tool.Options, ran, cancellationToken).ConfigureAwait(false);
                    diagnostics.AddRange(pass.Diagnostics);
                }

                run.Errors.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => name + " crashed: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                var findings = diagnostics
                    .Where(d => ran.Contains(d.Id) && d.Location.IsInSource)
                    .Select(d => Finding.From(name, d))
                    .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Rule, StringComparer.Ordinal)
                    .ToList();
                run.Findings.AddRange(findings);
                run.Tools.Add((name, catalog.Version(tool.Package)));
                var scores = LabelScoring.Score(name, findings, ran, labels.Labels, categories);
                run.Scores.AddRange(scores);
                if (tool.Package == AnalyzerCatalog.OwnPackage)
                {
                    run.OurRules.AddRange(RuleScore.Compute(scores, findings, labels.Labels, categories));
                }
            }

            return run;
        }
    }
}
