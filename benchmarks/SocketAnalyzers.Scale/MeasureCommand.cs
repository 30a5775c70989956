using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// The hidden <c>measure --input SPEC --tool NAME</c> sub-command the runner starts as a child process, one per
    /// measurement, so that the peak memory belongs to that measurement alone: warm up the JIT on a small corpus,
    /// build the input, take one pass, print one line <c>MEASUREMENT {json}</c>.
    /// </summary>
    internal static class MeasureCommand
    {
        public const string Marker = "MEASUREMENT ";

        public static async Task<int> RunAsync(string input, string toolName, CancellationToken cancellationToken)
        {
            var tool = toolName == Measurement.CompileOnly ? null : AnalyzerTool.Load(toolName);
            await WarmUp.RunAsync(tool, cancellationToken).ConfigureAwait(false);
            var sources = InputSpec.Resolve(input);
            var compilation = sources.Compile();

            PassResult pass;
            var sampler = HeapSampler.Start();
            using (sampler)
            {
                pass = tool is null
                    ? AnalyzerPass.Compile(compilation, cancellationToken)
                    : await AnalyzerPass.RunAsync(compilation, tool, cancellationToken).ConfigureAwait(false);
            }

            var measurement = new Measurement
            {
                Input = input,
                Tool = toolName,
                Files = sources.Files.Count,
                Lines = sources.Lines,
                WallMs = pass.Wall.TotalMilliseconds,
                AnalyzerMs = pass.AnalyzerTime.TotalMilliseconds,
                PeakWorkingSetMb = sampler.PeakWorkingSetMb,
                StartWorkingSetMb = sampler.StartWorkingSetMb,
                StartGcHeapMb = sampler.StartGcHeapMb,
                PeakGcHeapMb = sampler.PeakGcHeapMb,
                AllocatedMb = sampler.AllocatedMb,
                CompilerErrors = tool is null ? pass.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) : 0,
                Findings = tool is null ? 0 : pass.Diagnostics.Count(d => tool.Severities.TryGetValue(d.Id, out var severity) && severity == ReportDiagnostic.Warn),
                Crashes = pass.Crashes.Select(c => c.Analyzer + ": " + c.Exception).ToList(),
                PerAnalyzerMs = pass.PerAnalyzer.ToDictionary(p => p.Key, p => p.Value.TotalMilliseconds),
            };
            Console.WriteLine(Marker + JsonSerializer.Serialize(measurement));
            return 0;
        }

        public static string Describe(Measurement m) =>
            m.Tool + " on " + m.Input + ": wall " + m.WallMs.ToString("N0", CultureInfo.InvariantCulture) + " ms, analyzers "
            + m.AnalyzerMs.ToString("N0", CultureInfo.InvariantCulture) + " ms, peak " + m.PeakWorkingSetMb.ToString("N0", CultureInfo.InvariantCulture) + " MB";
    }
}
