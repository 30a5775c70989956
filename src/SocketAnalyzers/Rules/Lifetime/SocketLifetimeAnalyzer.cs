using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Lifetime
{
    /// <summary>
    /// The host of the method-level lifetime rules (SOCK201, SOCK202, SOCK203, SOCK205): one pass per method body,
    /// whose results each rule's checker reads (see rules/SOCK201.md … rules/SOCK205.md).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketLifetimeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.DisposedSocketEscapes);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    start.RegisterOperationBlockAction(c => Analyze(c, symbols));
                }
            });
        }

        private static void Analyze(OperationBlockAnalysisContext context, KnownSocketSymbols symbols)
        {
            foreach (var block in context.OperationBlocks)
            {
                DisposedSocketEscapesRule.Check(context, block, symbols);
            }
        }
    }
}
