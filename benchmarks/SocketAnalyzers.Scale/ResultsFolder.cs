using System;
using System.Globalization;
using System.IO;

namespace SocketAnalyzers.Scale
{
    /// <summary>Where reports are kept: benchmarks/SocketAnalyzers.Scale/results/ (ignored by git), found above the bin folder.</summary>
    internal static class ResultsFolder
    {
        /// <summary>Writes <paramref name="markdown"/> to results/&lt;mode&gt;-&lt;UTC time&gt;.md and returns the path.</summary>
        public static string Write(string mode, string markdown)
        {
            var folder = Folder();
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, mode + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".md");
            File.WriteAllText(path, markdown);
            return path;
        }

        /// <summary>The results folder (it may not exist yet).</summary>
        public static string Folder() => Path.Combine(ProjectFolder(), "results");

        private static string ProjectFolder()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SocketAnalyzers.Scale.csproj")))
                {
                    return directory.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
