using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>Where the repository and the package project are, and which configuration this test assembly was built in.</summary>
    public static class RepositoryPaths
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

        /// <summary>The folder holding SocketAnalyzers.sln.</summary>
        public static string Root => RootPath.Value;

        /// <summary>nuget/SocketAnalyzers.Package.csproj.</summary>
        public static string PackageProject => Path.Combine(Root, "nuget", "SocketAnalyzers.Package.csproj");

        /// <summary>
        /// The configuration (Debug/Release) this assembly was built in: the package project was built in the same one
        /// (it is a project reference), so the fixture packs exactly those analyzer assemblies.
        /// </summary>
        public static string BuildConfiguration { get; } = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SocketAnalyzers.BuildConfiguration").Value!;
    }
}
