using System;
using System.IO;

namespace SocketAnalyzers.Tests
{
    /// <summary>Finds the repository root from the test assembly's folder (the directory holding SocketAnalyzers.sln).</summary>
    internal static class RepositoryPaths
    {
        private static readonly Lazy<string> RootPath = new(() =>
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocketAnalyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("SocketAnalyzers.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => RootPath.Value;
    }
}
