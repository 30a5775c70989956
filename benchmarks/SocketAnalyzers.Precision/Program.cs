using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// Usage: <c>dotnet run -c Release --project benchmarks/SocketAnalyzers.Precision -- [--area NAME]... [--details]</c>.
    /// Prints one Markdown table per corpus area; with --details, the location of every miss and false positive.
    /// Exits 1 when the corpus does not compile or an analyzer crashes (AD0001) or fails to load.
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var details = args.Contains("--details");
            var areas = args.Select((a, i) => (a, i)).Where(p => p.a == "--area" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
            var baseDirectory = AppContext.BaseDirectory;
            var config = PrecisionConfig.Load<PrecisionConfig>(Path.Combine(baseDirectory, "precision.json"));
            var catalog = AnalyzerCatalog.Load(Path.Combine(baseDirectory, "precision-analyzers.txt"));
            var corpusRoot = FindCorpusRoot(baseDirectory);

            var failed = false;
            foreach (var area in config.Areas)
            {
                if (areas.Count > 0 && !areas.Contains(area.Name))
                {
                    continue;
                }

                var report = await AreaRun.RunAsync(config, area, Corpus.Load(corpusRoot, area.Name), catalog, CancellationToken.None).ConfigureAwait(false);
                Console.Write(report.Render(details));
                failed |= report.Failed;
            }

            return failed ? 1 : 0;
        }

        /// <summary>benchmarks/corpus, found upwards from the output folder (the runner runs from its bin folder).</summary>
        private static string FindCorpusRoot(string start)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "benchmarks", "corpus");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("benchmarks/corpus not found above " + start);
        }
    }
}
