using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Runs the compiler and a tool once on a small generated corpus before anything is timed, so the figures do not
    /// include compiling the compiler and the analyzers to machine code (JIT).
    /// </summary>
    internal static class WarmUp
    {
        public const int Lines = 2_000;

        public static async Task RunAsync(AnalyzerTool? tool, CancellationToken cancellationToken)
        {
            var sources = SourceSet.FromGenerated("warm-up", SocketCorpus.Generate(Lines, seed: 1_000));
            AnalyzerPass.Compile(sources.Compile(), cancellationToken);
            if (tool is not null)
            {
                await AnalyzerPass.RunAsync(sources.Compile(), tool, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
