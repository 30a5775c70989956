using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Protocol;
using SocketAnalyzers.Symbols;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// SOCK109: <c>new Socket(family, type, protocol)</c> with a combination the OS rejects
    /// (see rules/SOCK109.md). Needs no flow: the arguments are constants or nothing is reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidSocketConstructorArgumentsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InvalidSocketConstructorArguments);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownSocketSymbols.TryCreate(start.Compilation) is { } symbols)
                {
                    start.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
                }
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, KnownSocketSymbols symbols)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { Parameters.Length: 3 } constructor
                || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, symbols.Socket)
                || creation.Arguments.Length != 3)
            {
                return;
            }

            if (!SocketArguments.TryGetConstant(creation, 0, symbols.AddressFamily, out var family)
                || !SocketArguments.TryGetConstant(creation, 1, symbols.SocketType, out var type)
                || !SocketArguments.TryGetConstant(creation, 2, symbols.ProtocolType, out var protocol))
            {
                return;
            }

            if (SocketConstructorRules.FindViolation(family, type, protocol) is not { } violation)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidSocketConstructorArguments,
                creation.Syntax.GetLocation(),
                SocketArguments.Display(creation, 0),
                SocketArguments.Display(creation, 1),
                SocketArguments.Display(creation, 2),
                violation.Outcome));
        }
    }
}
