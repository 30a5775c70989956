using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Precision;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// One measured tool: its analyzers and the severity of each of their rules. The measured rules are switched on as
    /// warnings (also those off by default: CA2000, and our rules that are suggestions or off); the other rules of the
    /// same analyzers are suppressed, so the driver does not run an analyzer that reports nothing measured.
    /// </summary>
    internal sealed class AnalyzerTool
    {
        public const string Ours = "SocketAnalyzers";
        public const string Ca2000 = "CA2000";
        public const string IDisposable = "IDisposableAnalyzers";

        /// <summary>Not in <see cref="All"/>: the reference pass of <see cref="DriverBaselineAnalyzer"/>, measured on request.</summary>
        public const string DriverBaseline = "DriverBaseline";

        /// <summary>The tools a scale run measures, in their table order.</summary>
        public static readonly IReadOnlyList<string> All = new[] { Ours, Ca2000, IDisposable };

        private AnalyzerTool(string name, string version, ImmutableArray<DiagnosticAnalyzer> analyzers, Func<string, bool> measured)
        {
            this.Name = name;
            this.Version = version;
            this.Analyzers = analyzers;
            var severities = new Dictionary<string, ReportDiagnostic>(StringComparer.Ordinal);
            foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                severities[descriptor.Id] = measured(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }

            this.Severities = severities.ToImmutableDictionary();
            this.MeasuredIds = severities.Where(p => p.Value == ReportDiagnostic.Warn).Select(p => p.Key).OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
        }

        public string Name { get; }

        public string Version { get; }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public ImmutableDictionary<string, ReportDiagnostic> Severities { get; }

        public ImmutableArray<string> MeasuredIds { get; }

        /// <summary>
        /// Ours: every analyzer of src/SocketAnalyzers, every SOCK rule on. CA2000: only the NetAnalyzers analyzer that
        /// reports CA2000, with CA2000 on (its default analysis options). IDisposableAnalyzers: all its analyzers, every
        /// IDISP rule on.
        /// </summary>
        public static AnalyzerTool Load(string name)
        {
            var catalog = AnalyzerCatalog.Load(Path.Combine(AppContext.BaseDirectory, "scale-analyzers.txt"));
            var loadErrors = new List<string>();
            AnalyzerTool tool = name switch
            {
                Ours => new AnalyzerTool(name, catalog.Version(AnalyzerCatalog.OwnPackage), catalog.Analyzers(AnalyzerCatalog.OwnPackage, loadErrors), id => id.StartsWith("SOCK", StringComparison.Ordinal)),
                Ca2000 => new AnalyzerTool(
                    name,
                    catalog.Version("Microsoft.CodeAnalysis.NetAnalyzers"),
                    catalog.Analyzers("Microsoft.CodeAnalysis.NetAnalyzers", loadErrors).Where(a => a.SupportedDiagnostics.Any(d => d.Id == "CA2000")).ToImmutableArray(),
                    id => id == "CA2000"),
                IDisposable => new AnalyzerTool(name, catalog.Version("IDisposableAnalyzers"), catalog.Analyzers("IDisposableAnalyzers", loadErrors), id => id.StartsWith("IDISP", StringComparison.Ordinal)),
                DriverBaseline => new AnalyzerTool(name, "-", ImmutableArray.Create<DiagnosticAnalyzer>(new DriverBaselineAnalyzer()), id => id == "BASE001"),
                _ => throw new ArgumentException("Unknown tool " + name + "; known: " + string.Join(", ", All), nameof(name)),
            };

            if (loadErrors.Count > 0 || tool.Analyzers.IsEmpty || tool.MeasuredIds.IsEmpty)
            {
                throw new InvalidOperationException(name + ": analyzers could not be loaded. " + string.Join("; ", loadErrors));
            }

            return tool;
        }
    }
}
