using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// Loads one package's analyzer assemblies in a load context of their own, resolving their dependencies from the
    /// package folder and sharing the host's Roslyn assemblies (analyzers must bind to the compiler that runs them).
    /// </summary>
    internal sealed class PackageAnalyzerLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly string folder;

        public PackageAnalyzerLoader(string name, string folder)
            : base("precision:" + name)
        {
            this.folder = folder;
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => this.LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name ?? "";
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                && !name.Contains("NetAnalyzers", StringComparison.Ordinal)
                && !name.EndsWith(".Analyzers", StringComparison.Ordinal))
            {
                return null;
            }

            var candidate = Path.Combine(this.folder, name + ".dll");
            return File.Exists(candidate) ? this.LoadFromAssemblyPath(candidate) : null;
        }
    }
}
