using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketAnalyzers.CorpusGenerator;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Corpus
{
    /// <summary>
    /// Compiles generated files the way the scale benchmark does: one net10.0 library, nullable enabled, unsafe allowed,
    /// the latest language version (through <see cref="AnalyzerRunner.Compile"/>).
    /// </summary>
    internal static class CorpusCompilation
    {
        public static CSharpCompilation Compile(IEnumerable<GeneratedFile> files) =>
            AnalyzerRunner.Compile(files.Select(file => (file.Path, file.Text)), Basic.Reference.Assemblies.Net100.References.All);

        /// <summary>Compiler diagnostics of at least <paramref name="severity"/>, as text for an assertion message.</summary>
        public static List<Diagnostic> Diagnostics(CSharpCompilation compilation, DiagnosticSeverity severity) => compilation
            .GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= severity)
            .ToList();

        /// <summary>Lines of a file: every generated line ends with '\n'.</summary>
        public static int LineCount(GeneratedFile file) => file.Text.Count(character => character == '\n');

        /// <summary>Socket files are the ones that import System.Net.Sockets; ordinary files never do.</summary>
        public static bool IsSocketFile(GeneratedFile file) => file.Text.Contains("using System.Net.Sockets;", System.StringComparison.Ordinal);
    }
}
