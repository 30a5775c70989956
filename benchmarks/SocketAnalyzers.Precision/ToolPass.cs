using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// One tool run over one area's compilation: only the scored rules are on (set to warning, which also switches on
    /// rules that are off by default, such as CA2000); every other diagnostic of the tool is suppressed, so the driver
    /// skips analyzers that report nothing scored.
    /// </summary>
    internal static class ToolPass
    {
        public static async Task<ToolPassResult> RunAsync(
            CSharpCompilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            IReadOnlyDictionary<string, string> options,
            ISet<string> scoredIds,
            CancellationToken cancellationToken)
        {
            var severities = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
            foreach (var analyzer in analyzers)
            {
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    severities[descriptor.Id] = scoredIds.Contains(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
                }
            }

            var configured = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new FixedOptionsProvider(options));
            var withAnalyzers = configured.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            var time = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                time += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
            }

            return new ToolPassResult(diagnostics, time);
        }
    }

    /// <summary>The diagnostics of a pass (crashes included as AD0001) and the summed analyzer execution time.</summary>
    internal sealed record ToolPassResult(ImmutableArray<Diagnostic> Diagnostics, TimeSpan AnalyzerTime);
}
