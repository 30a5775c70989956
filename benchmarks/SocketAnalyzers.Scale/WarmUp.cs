using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.CorpusGenerator;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Runs the compiler and a tool once on a generated corpus before anything is timed, so the figures do not include
    /// compiling the compiler and the analyzers to machine code (JIT; the runner turns tiered compilation off, so each
    /// method is compiled once, fully optimised, at its first call). 20,000 lines: the generator's smallest corpus that
    /// holds every shape and every seeded mistake, so every rule's reporting path runs in the warm-up too.
    /// </summary>
    internal static class WarmUp
    {
        public const int Lines = 20_000;

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
