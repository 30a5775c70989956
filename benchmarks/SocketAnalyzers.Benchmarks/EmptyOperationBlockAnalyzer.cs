using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Benchmarks
{
    /// <summary>
    /// A reference point: an analyzer that asks the driver for the same callbacks as the protocol analyzer (operation
    /// blocks) and does nothing, so that what the driver and the operation trees cost is not charged to the rules.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyOperationBlockAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new DiagnosticDescriptor(
            "BENCH001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(block =>
            {
                foreach (var operation in block.OperationBlocks)
                {
                    block.GetControlFlowGraph(operation);
                }
            });
        }
    }
}
