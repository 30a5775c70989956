using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// The scale runner. One command per mode (docs/performance.md):
    /// <code>
    /// dotnet run -c Release --project benchmarks/SocketAnalyzers.Scale -- scale [--sizes 10000,100000,1000000] [--seed 1] [--repeat N]
    /// dotnet run -c Release --project benchmarks/SocketAnalyzers.Scale -- pathological
    /// dotnet run -c Release --project benchmarks/SocketAnalyzers.Scale -- folder &lt;dir&gt; [--list] [--no-implicit-usings]
    /// dotnet run -c Release --project benchmarks/SocketAnalyzers.Scale -- folder &lt;dir&gt; --labels &lt;file.tsv|glob&gt;... [--tools all|ours] [--details] [--out &lt;dir&gt;] [--one-compilation]
    /// dotnet run -c Release --project benchmarks/SocketAnalyzers.Scale -- small [--projects 40] [--seed 1] [--repeat 5]
    /// </code>
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: SocketAnalyzers.Scale scale [--sizes 10000,100000,1000000] [--seed 1] [--repeat N]\n"
            + "       SocketAnalyzers.Scale pathological\n"
            + "       SocketAnalyzers.Scale folder <dir> [--list] [--no-implicit-usings]\n"
            + "       SocketAnalyzers.Scale folder <dir> --labels <file.tsv|glob>... [--tools all|ours] [--details] [--out <dir>] [--no-implicit-usings] [--one-compilation]\n"
            + "       SocketAnalyzers.Scale small [--projects 40] [--seed 1] [--repeat 5]";

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var rest = args.Skip(1).ToList();
            try
            {
                switch (args[0])
                {
                    case "folder":
                        var folder = new CommandLine(rest, new[] { "--tools", "--out" }, new[] { "--labels" });
                        if (folder.Positional.Count != 1)
                        {
                            Console.Error.WriteLine(Usage);
                            return 2;
                        }

                        if (folder.List("--labels").Count > 0)
                        {
                            return await LabelledFolderMode.RunAsync(
                                folder.Positional[0],
                                folder.List("--labels"),
                                folder.Value("--tools") ?? "all",
                                folder.Has("--details"),
                                folder.Value("--out"),
                                !folder.Has("--no-implicit-usings"),
                                folder.Has("--one-compilation"),
                                CancellationToken.None).ConfigureAwait(false);
                        }

                        return await FolderMode.RunAsync(folder.Positional[0], folder.Has("--list"), !folder.Has("--no-implicit-usings"), CancellationToken.None).ConfigureAwait(false);
                    case "scale":
                        var scale = new CommandLine(rest, "--sizes", "--seed", "--repeat");
                        return await ScaleMode.RunAsync(
                            scale.Ints("--sizes", ScaleMode.DefaultSizes),
                            scale.Int("--seed", 1),
                            scale.Value("--repeat") is null ? null : scale.Int("--repeat", 1)).ConfigureAwait(false);
                    case "small":
                        var small = new CommandLine(rest, "--projects", "--seed", "--repeat");
                        return await SmallProjectsMode.RunAsync(small.Int("--projects", 40), small.Int("--seed", 1), small.Int("--repeat", 5), CancellationToken.None).ConfigureAwait(false);
                    case "pathological":
                        return await PathologicalMode.RunAsync(CancellationToken.None).ConfigureAwait(false);
                    case "measure":
                        var measure = new CommandLine(rest, "--input", "--tool");
                        return await MeasureCommand.RunAsync(
                            measure.Value("--input") ?? throw new ArgumentException("measure needs --input"),
                            measure.Value("--tool") ?? throw new ArgumentException("measure needs --tool"),
                            CancellationToken.None).ConfigureAwait(false);
                    default:
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }
    }
}
