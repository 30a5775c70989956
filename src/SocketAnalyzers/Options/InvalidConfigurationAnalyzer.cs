using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Options
{
    /// <summary>
    /// SOCK001: a <c>socket_analyzers.*</c> value that cannot be read (see rules/SOCK001.md). Reported once per key,
    /// at the end of the compilation and without a location (configuration files are not source), for the first bad
    /// value found: the global config first, then the trees in compilation order.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.InvalidConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(AnalyzeConfiguration);
        }

        private static void AnalyzeConfiguration(CompilationAnalysisContext context)
        {
            var reader = new OptionsReader(context.Options);
            foreach (var option in SocketAnalyzerOptions.All)
            {
                if (Check(context, reader, option, tree: null))
                {
                    continue;
                }

                foreach (var tree in context.Compilation.SyntaxTrees)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    if (Check(context, reader, option, tree))
                    {
                        break;
                    }
                }
            }
        }

        /// <summary>Reports <paramref name="option"/> when its value for <paramref name="tree"/> is bad; true when reported.</summary>
        private static bool Check(CompilationAnalysisContext context, OptionsReader reader, SocketAnalyzerOption option, SyntaxTree? tree)
        {
            if (reader.GetRaw(option, tree) is not { } raw || option.IsValid(raw, out var reason))
            {
                return false;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, option.Key, raw, reason));
            return true;
        }
    }
}
