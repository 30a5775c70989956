using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketAnalyzers.Tests.Meta;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// One whole-compilation run of every analyzer, concurrent or sequential, with fresh analyzer instances; its
    /// diagnostics rendered as sorted lines (file, span, ID, message) so two runs compare as text.
    /// </summary>
    internal sealed class AnalysisPass
    {
        private readonly ConcurrentQueue<string> exceptions;

        private AnalysisPass(CompilationWithAnalyzers analysis, ConcurrentQueue<string> exceptions)
        {
            this.Analysis = analysis;
            this.exceptions = exceptions;
        }

        public CompilationWithAnalyzers Analysis { get; }

        /// <summary>Every exception an analyzer let out (the driver turns them into AD0001).</summary>
        public ImmutableArray<string> Exceptions => this.exceptions.ToImmutableArray();

        public static AnalysisPass Create(Compilation compilation, bool concurrent)
        {
            var exceptions = new ConcurrentQueue<string>();
            var analysis = AnalyzerRunner.With(compilation, AnalyzerCatalog.CreateAnalyzers(), exceptions, concurrent);
            return new AnalysisPass(analysis, exceptions);
        }

        public static async Task<ImmutableArray<string>> RenderedDiagnosticsAsync(Compilation compilation, bool concurrent)
        {
            var pass = Create(compilation, concurrent);
            var diagnostics = await pass.Analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.True(pass.Exceptions.IsEmpty, string.Join("\n\n", pass.Exceptions));
            return diagnostics.Select(Render).OrderBy(line => line, StringComparer.Ordinal).ToImmutableArray();
        }

        private static string Render(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}) "
                + $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }
    }
}
