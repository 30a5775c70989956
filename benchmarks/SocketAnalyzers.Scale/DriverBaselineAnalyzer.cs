using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// A reference point, never shipped: an analyzer that asks the driver for operation blocks (as our flow rules do)
    /// and does nothing with them. Its pass costs what any operation-based analyzer of a build costs the driver
    /// (operation trees built through the shared semantic models); ours minus it is what adding our rules costs a build
    /// that already runs one (NetAnalyzers' default rules do).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class DriverBaselineAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new DiagnosticDescriptor(
            "BASE001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(static _ => { });
        }
    }
}
