using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SocketAnalyzers.Precision
{
    /// <summary>Compiles one corpus area, runs each tool that has scored rules in it, and scores every rule and tool.</summary>
    internal static class AreaRun
    {
        public static async Task<AreaReport> RunAsync(PrecisionConfig config, AreaConfig area, Corpus corpus, AnalyzerCatalog catalog, CancellationToken cancellationToken)
        {
            var report = new AreaReport(area, corpus);
            var compilation = CSharpCompilation.Create(
                "corpus_" + area.Name,
                corpus.Trees,
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            foreach (var error in compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                report.Errors.Add("corpus does not compile: " + error);
            }

            foreach (var toolName in area.Rules.Select(r => r.Tool).Distinct())
            {
                var tool = config.Tools.FirstOrDefault(t => t.Name == toolName)
                    ?? throw new InvalidOperationException("precision.json: area " + area.Name + " names unknown tool " + toolName);
                var rules = area.Rules.Where(r => r.Tool == toolName).ToList();
                var loadErrors = new List<string>();
                var analyzers = catalog.Analyzers(tool.Package, loadErrors);
                report.Errors.AddRange(loadErrors.Select(e => tool.Name + ": " + e));
                if (analyzers.IsEmpty)
                {
                    report.Errors.Add(tool.Name + ": no analyzer could be loaded");
                    continue;
                }
                var ids = new HashSet<string>(rules.Select(r => r.Id), StringComparer.Ordinal);
                var result = await ToolPass.RunAsync(compilation, analyzers, tool.Options, ids, cancellationToken).ConfigureAwait(false);
                foreach (var crash in result.Diagnostics.Where(d => d.Id == "AD0001"))
                {
                    report.Errors.Add(tool.Name + " crashed: " + crash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                }

                var findings = result.Diagnostics.Where(d => ids.Contains(d.Id) && d.Location.IsInSource).ToList();
                var claims = rules.ToDictionary(r => r.Id, r => (ISet<string>)new HashSet<string>(r.Finds, StringComparer.Ordinal), StringComparer.Ordinal);
                foreach (var rule in rules)
                {
                    var markers = corpus.Markers.Where(m => claims[rule.Id].Contains(m.Kind)).ToList();
                    report.Rows.Add(new AreaRow(tool, rule.Id, string.Join(", ", rule.Finds), Score.Compute(markers, findings.Where(f => f.Id == rule.Id), id => claims[id]), null));
                }

                // The tool as a whole: every rule it has in this area, against every marker of the area.
                var all = Score.Compute(corpus.Markers, findings, id => claims[id]);
                report.Rows.Add(new AreaRow(tool, "all", "all", all, result.AnalyzerTime));
                report.Versions[tool.Name] = catalog.Version(tool.Package);
            }

            return report;
        }
    }
}
