using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// <c>folder &lt;dir&gt; [--list] [--no-implicit-usings]</c>: our analyzers on any folder of .cs files, e.g. the
    /// source of an open-source project no one here wrote. The files compile as one library against the net10.0
    /// reference assemblies; types of third-party packages are missing, so compiler errors are expected and tolerated
    /// (the analyzers see those expressions as invalid operations). Reports the findings per rule, every analyzer
    /// exception with its stack, and the times. Exit code 1 when an analyzer threw.
    /// </summary>
    internal static class FolderMode
    {
        public static async Task<int> RunAsync(string folder, bool list, bool implicitUsings, CancellationToken cancellationToken)
        {
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine("No folder " + folder);
                return 2;
            }

            var tool = AnalyzerTool.Load(AnalyzerTool.Ours);
            await WarmUp.RunAsync(tool, cancellationToken).ConfigureAwait(false);
            var sources = SourceSet.FromFolder(folder, implicitUsings);
            var compile = AnalyzerPass.Compile(sources.Compile(), cancellationToken);
            var pass = await AnalyzerPass.RunAsync(sources.Compile(), tool, cancellationToken).ConfigureAwait(false);

            var output = new StringBuilder();
            var sourceFiles = sources.Files.Count(f => !f.Path.StartsWith("<sdk>", StringComparison.Ordinal));
            output.AppendLine("## Real code: " + Path.GetFileName(sources.Name.TrimEnd('/', '\\'))).AppendLine();
            output.AppendLine("Folder `" + sources.Name + "`: " + Markdown.Count(sourceFiles) + (sourceFiles == 1 ? " file, " : " files, ") + Markdown.Count(sources.Lines) + " lines"
                + (implicitUsings ? " (plus the SDK's implicit global usings)" : "") + ".");
            output.AppendLine("Machine: " + MachineInfo.Describe() + ".").AppendLine();

            var errors = compile.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var commonErrors = errors.GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(5).Select(g => g.Key + " × " + Markdown.Count(g.Count()));
            output.AppendLine("Compiler errors: " + Markdown.Count(errors.Count) + (errors.Count > 0 ? " (most frequent: " + string.Join(", ", commonErrors) + "; missing third-party types are expected)" : "") + ".");
            output.AppendLine("Compile time (`GetDiagnostics`, one thread): " + Markdown.Ms(compile.Wall) + ". SocketAnalyzers "
                + tool.Version + ": analyzer time " + Markdown.Ms(pass.AnalyzerTime) + " (" + Markdown.Percent(pass.AnalyzerTime / compile.Wall)
                + " of compile time), wall time of the analyzer pass " + Markdown.Ms(pass.Wall) + ".").AppendLine();

            var findings = pass.Diagnostics.Where(d => d.Id.StartsWith("SOCK", StringComparison.Ordinal)).ToList();
            var titles = tool.Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Title.ToString(CultureInfo.InvariantCulture));
            Markdown.Table(
                output,
                new[] { "Rule", "Title", "Findings" },
                tool.MeasuredIds.Select(id => new[] { id, titles[id], Markdown.Count(findings.Count(f => f.Id == id)) }),
                textColumns: 2);

            output.AppendLine("Flow engine run directly on every socket body: " + EngineProbe.Run(sources.Compile(), cancellationToken).Describe() + ".").AppendLine();
            output.AppendLine("Analyzer time per analyzer: "
                + string.Join(", ", pass.PerAnalyzer.OrderByDescending(p => p.Value).Select(p => p.Key + " " + Markdown.Ms(p.Value))) + ".").AppendLine();

            if (list && findings.Count > 0)
            {
                output.AppendLine("Findings:").AppendLine();
                foreach (var finding in findings.OrderBy(f => f.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.SourceSpan.Start))
                {
                    var line = finding.Location.GetLineSpan();
                    output.AppendLine("- `" + line.Path + ":" + (line.StartLinePosition.Line + 1) + "` " + finding.Id + ": "
                        + finding.GetMessage(CultureInfo.InvariantCulture));
                }

                output.AppendLine();
            }

            output.AppendLine("Analyzer exceptions: " + (pass.Crashes.IsEmpty ? "none." : Markdown.Count(pass.Crashes.Length) + " (exit code 1)."));
            foreach (var crash in pass.Crashes)
            {
                output.AppendLine().AppendLine(crash.Analyzer + ":").AppendLine("```").AppendLine(crash.Exception).AppendLine("```");
            }

            Console.Write(output.ToString());
            Console.WriteLine();
            Console.WriteLine("Written to " + ResultsFolder.Write("folder-" + Path.GetFileName(sources.Name.TrimEnd('/', '\\')), output.ToString()));
            return pass.Crashes.IsEmpty ? 0 : 1;
        }
    }
}
