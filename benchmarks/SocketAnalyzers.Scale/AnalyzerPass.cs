using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Precision;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// How each figure is taken (docs/performance.md, "Scale"):
    /// <list type="bullet">
    /// <item>Compile time: <see cref="Compilation.GetDiagnostics"/> on a fresh compilation, which binds every method body.</item>
    /// <item>A tool's analyzer time: the tool alone on another fresh compilation of the same source, through
    /// <see cref="CompilationWithAnalyzers"/> with <c>logAnalyzerExecutionTime</c>, summing
    /// <see cref="CompilationWithAnalyzers.GetAnalyzerTelemetryInfoAsync"/> over the tool's analyzers. That is the time
    /// spent inside the tool's callbacks (control-flow graphs it asks for included), not the binding the driver does.</item>
    /// <item>The pass's wall time: the whole <see cref="CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync()"/> call,
    /// binding and the driver's IOperation trees included.</item>
    /// </list>
    /// Both single-threaded (no concurrent build, no concurrent analysis), so the sum of callback times is CPU work.
    /// </summary>
    internal static class AnalyzerPass
    {
        public static PassResult Compile(CSharpCompilation compilation, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var diagnostics = compilation.GetDiagnostics(cancellationToken);
            watch.Stop();
            return new PassResult(
                watch.Elapsed,
                TimeSpan.Zero,
                diagnostics,
                ImmutableArray<AnalyzerCrash>.Empty,
                ImmutableDictionary<string, TimeSpan>.Empty);
        }

        public static async Task<PassResult> RunAsync(CSharpCompilation compilation, AnalyzerTool tool, CancellationToken cancellationToken)
        {
            var crashes = new ConcurrentQueue<AnalyzerCrash>();
            var configured = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(tool.Severities));
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new FixedOptionsProvider(new Dictionary<string, string>())),
                onAnalyzerException: (exception, analyzer, _) => crashes.Enqueue(new AnalyzerCrash(analyzer.GetType().FullName ?? "?", exception.ToString())),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = configured.WithAnalyzers(tool.Analyzers, options);

            var watch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            watch.Stop();

            var perAnalyzer = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            foreach (var analyzer in tool.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                var name = analyzer.GetType().Name;
                perAnalyzer[name] = (perAnalyzer.TryGetValue(name, out var earlier) ? earlier : TimeSpan.Zero) + telemetry.ExecutionTime;
            }

            // A crash the callback did not see (none expected) still shows as an AD0001 diagnostic.
            var allCrashes = crashes.ToList();
            if (allCrashes.Count == 0)
            {
                allCrashes.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => new AnalyzerCrash("?", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
            }

            return new PassResult(
                watch.Elapsed,
                perAnalyzer.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t),
                diagnostics,
                allCrashes.ToImmutableArray(),
                perAnalyzer.ToImmutableDictionary());
        }
    }
}
