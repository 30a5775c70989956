using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// The analyzers of each package: ours from the referenced SocketAnalyzers assembly, the others from the paths the
    /// build recorded in precision-analyzers.txt (package id | version | assembly path, one assembly a line).
    /// </summary>
    internal sealed class AnalyzerCatalog
    {
        /// <summary>The package name that stands for this repository's analyzers.</summary>
        public const string OwnPackage = "SocketAnalyzers";

        private readonly Dictionary<string, List<string>> assembliesByPackage = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> versions = new(StringComparer.OrdinalIgnoreCase);

        public static AnalyzerCatalog Load(string recordFile)
        {
            var catalog = new AnalyzerCatalog();
            foreach (var line in File.ReadAllLines(recordFile))
            {
                var parts = line.Split('|');
                if (parts.Length != 3)
                {
                    continue;
                }

                if (!catalog.assembliesByPackage.TryGetValue(parts[0], out var list))
                {
                    catalog.assembliesByPackage[parts[0]] = list = new List<string>();
                }

                list.Add(CompatibleRoslynFolder(parts[2]));
                catalog.versions[parts[0]] = parts[1];
            }

            return catalog;
        }

        /// <summary>
        /// The build picks a package's analyzers for the SDK's compiler (<c>analyzers/dotnet/roslyn5.9/cs</c>); the
        /// runner hosts an older Roslyn, which cannot load those. Take the highest <c>roslynX.Y</c> folder of the package
        /// that the runner's Roslyn satisfies instead, when the package has one.
        /// </summary>
        private static string CompatibleRoslynFolder(string path)
        {
            var languageFolder = Path.GetDirectoryName(path);
            var versionFolder = languageFolder is null ? null : Path.GetDirectoryName(languageFolder);
            var parent = versionFolder is null ? null : Path.GetDirectoryName(versionFolder);
            if (versionFolder is null || parent is null
                || !Path.GetFileName(versionFolder).StartsWith("roslyn", StringComparison.Ordinal)
                || !System.Version.TryParse(Path.GetFileName(versionFolder).Substring("roslyn".Length), out var wanted))
            {
                return path;
            }

            var host = typeof(Compilation).Assembly.GetName().Version ?? new System.Version(0, 0);
            if (wanted <= new System.Version(host.Major, host.Minor))
            {
                return path;
            }

            string? best = null;
            var bestVersion = new System.Version(0, 0);
            foreach (var candidate in Directory.GetDirectories(parent, "roslyn*"))
            {
                if (System.Version.TryParse(Path.GetFileName(candidate).Substring("roslyn".Length), out var version)
                    && version <= new System.Version(host.Major, host.Minor)
                    && version > bestVersion
                    && File.Exists(Path.Combine(candidate, Path.GetFileName(languageFolder!), Path.GetFileName(path))))
                {
                    best = Path.Combine(candidate, Path.GetFileName(languageFolder!), Path.GetFileName(path));
                    bestVersion = version;
                }
            }

            return best ?? path;
        }

        public string Version(string package) =>
            string.Equals(package, OwnPackage, StringComparison.OrdinalIgnoreCase)
                ? typeof(SocketAnalyzers.Diagnostics.DiagnosticIds).Assembly.GetName().Version?.ToString(3) ?? "?"
                : this.versions.TryGetValue(package, out var version) ? version : "?";

        public ImmutableArray<DiagnosticAnalyzer> Analyzers(string package, List<string> loadErrors)
        {
            if (string.Equals(package, OwnPackage, StringComparison.OrdinalIgnoreCase))
            {
                return OwnAnalyzers();
            }

            if (!this.assembliesByPackage.TryGetValue(package, out var paths))
            {
                throw new InvalidOperationException(
                    "Package " + package + " is not referenced by the runner project: add a PackageReference to its .csproj.");
            }

            var loader = new PackageAnalyzerLoader(package, Path.GetDirectoryName(paths[0])!);
            var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (var path in paths)
            {
                var reference = new AnalyzerFileReference(path, loader);
                reference.AnalyzerLoadFailed += (_, e) =>
                {
                    if (e.ErrorCode != AnalyzerLoadFailureEventArgs.FailureErrorCode.NoAnalyzers)
                    {
                        loadErrors.Add(Path.GetFileName(path) + ": " + e.Message);
                    }
                };
                builder.AddRange(reference.GetAnalyzers(Microsoft.CodeAnalysis.LanguageNames.CSharp));
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<DiagnosticAnalyzer> OwnAnalyzers()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (var type in typeof(SocketAnalyzers.Diagnostics.DiagnosticIds).Assembly.GetTypes())
            {
                if (!type.IsAbstract
                    && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                {
                    builder.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
            }

            return builder.ToImmutable();
        }
    }
}
