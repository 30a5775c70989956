using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// Packs the package once per test run, with a version no earlier run used (so NuGet's global package cache can
    /// never serve a stale copy), into a local folder feed, and makes consumer projects that reference it. A fresh
    /// console project is made once with <c>dotnet new console</c> + <c>dotnet add package</c>, exactly as a user
    /// would; every consumer starts from a copy of its project file. Shared by the "Package" collection.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string PackageId = "SocketAnalyzers";

        /// <summary>Set to 1 to keep the temporary folder (feed, consumers, build outputs) after the run, for debugging.</summary>
        public const string KeepVariable = "SOCKETANALYZERS_E2E_KEEP";

        private readonly object gate = new();
        private readonly Dictionary<string, (string Program, ConsumerProject Project)> shared = new(StringComparer.Ordinal);
        private readonly string templateDirectory;

        public PackageFixture()
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var unique = Guid.NewGuid().ToString("N").Substring(0, 8);
            WorkDirectory = Path.Combine(Path.GetTempPath(), "SocketAnalyzers.Package.Tests", stamp + "-" + unique);
            FeedDirectory = Path.Combine(WorkDirectory, "feed");
            templateDirectory = Path.Combine(WorkDirectory, "template");
            Directory.CreateDirectory(FeedDirectory);
            WriteIsolationFiles();

            var configuration = RepositoryPaths.BuildConfiguration;
            // With two -getProperty switches MSBuild prints {"Properties": {"Version": ..., "RepositoryUrl": ...}}.
            var properties = System.Text.Json.JsonDocument.Parse(
                Setup(RepositoryPaths.Root, "msbuild", RepositoryPaths.PackageProject, "-nologo", "-getProperty:Version", "-getProperty:RepositoryUrl", "-p:Configuration=" + configuration).Output)
                .RootElement.GetProperty("Properties");
            var baseVersion = properties.GetProperty("Version").GetString()!;
            BaseVersion = baseVersion;
            RepositoryUrl = properties.GetProperty("RepositoryUrl").GetString()!;

            // A SemVer prerelease of the repository's version; "r" keeps the last identifier from being a number with a leading zero.
            PackageVersion = $"{baseVersion}-e2e.{stamp}.r{unique}";
            Setup(
                RepositoryPaths.Root,
                "pack", RepositoryPaths.PackageProject, "-c", configuration, "--no-build", "-o", FeedDirectory,
                "-p:Version=" + PackageVersion, "-nologo", "--disable-build-servers");
            PackagePath = Path.Combine(FeedDirectory, $"{PackageId}.{PackageVersion}.nupkg");
            if (!File.Exists(PackagePath))
            {
                throw new InvalidOperationException($"dotnet pack did not produce {PackagePath}.");
            }

            Setup(WorkDirectory, "new", "console", "-n", "Consumer", "-o", templateDirectory, "-f", "net10.0", "--no-restore");
            Setup(templateDirectory, "add", "package", PackageId, "--version", PackageVersion);
            TemplateProjectXml = File.ReadAllText(Path.Combine(templateDirectory, "Consumer.csproj"));
        }

        /// <summary>The temporary root of this run: feed/, template/, consumers/.</summary>
        public string WorkDirectory { get; }

        /// <summary>The local folder feed holding the package; the consumers' nuget.config adds it to the machine's sources.</summary>
        public string FeedDirectory { get; }

        /// <summary>The repository's version (Directory.Build.props), which the analyzers were built with: <c>0.1.0</c>.</summary>
        public string BaseVersion { get; }

        /// <summary>
        /// Where the help links of the analyzers under test point: the release tag of <see cref="BaseVersion"/> (the
        /// analyzers are packed as built, under a prerelease version of their own).
        /// </summary>
        public string DocumentationBase => RepositoryUrl + "/blob/v" + BaseVersion + "/";

        /// <summary>The repository URL the package's nuspec carries.</summary>
        public string RepositoryUrl { get; }

        /// <summary>e.g. <c>0.1.0-e2e.20261125093000.r1a2b3c4d</c>: unique per run.</summary>
        public string PackageVersion { get; }

        /// <summary>The .nupkg under test.</summary>
        public string PackagePath { get; }

        /// <summary>The project file that <c>dotnet new console</c> + <c>dotnet add package SocketAnalyzers</c> produced.</summary>
        public string TemplateProjectXml { get; }

        /// <summary>
        /// A new consumer project named <paramref name="name"/> (also its folder name: letters, digits, '-', '.'),
        /// with the given Program.cs and options, restored and ready to <see cref="ConsumerProject.Build"/>.
        /// </summary>
        public ConsumerProject CreateConsumer(string name, string programCs, ConsumerOptions? options = null)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '.'))
            {
                throw new ArgumentException("Use letters, digits, '-' and '.' only.", nameof(name));
            }

            options ??= new ConsumerOptions();
            var directory = Path.Combine(WorkDirectory, "consumers", name);
            if (Directory.Exists(directory))
            {
                throw new InvalidOperationException($"A consumer named '{name}' exists already: use SharedConsumer to reuse one.");
            }

            Directory.CreateDirectory(directory);
            var projectFile = Path.Combine(directory, "Consumer.csproj");
            File.WriteAllText(projectFile, WithOptions(TemplateProjectXml, options));
            var consumer = new ConsumerProject(directory, projectFile);
            consumer.WriteFile("Program.cs", programCs);
            if (options.EditorConfig is not null)
            {
                consumer.WriteFile(".editorconfig", options.EditorConfig);
            }

            foreach (var file in options.Files)
            {
                consumer.WriteFile(file.Key, file.Value);
            }

            ConsumerProject.EnsureSucceeded(consumer.Restore());
            return consumer;
        }

        /// <summary>
        /// The consumer named <paramref name="name"/>, created on first use and then shared by every test that asks for
        /// it (the tests of a collection run one at a time). Tests that share one must not change its files.
        /// </summary>
        public ConsumerProject SharedConsumer(string name, string programCs, ConsumerOptions? options = null)
        {
            lock (gate)
            {
                if (shared.TryGetValue(name, out var existing))
                {
                    return existing.Program == programCs
                        ? existing.Project
                        : throw new InvalidOperationException($"The shared consumer '{name}' was created with another Program.cs.");
                }

                var created = CreateConsumer(name, programCs, options);
                shared.Add(name, (programCs, created));
                return created;
            }
        }

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable(KeepVariable) != "1")
            {
                TryDelete(WorkDirectory);
            }

            // The unique version would otherwise stay in the machine's global package folder forever.
            var locals = DotNetCli.Run(Path.GetTempPath(), new[] { "nuget", "locals", "global-packages", "--list" });
            var prefix = "global-packages:";
            var line = locals.Output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (locals.Succeeded && line is not null)
            {
                var packageFolder = Path.Combine(line.Substring(prefix.Length).Trim(), PackageId.ToLowerInvariant());
                TryDelete(Path.Combine(packageFolder, PackageVersion.ToLowerInvariant()));
                TryDeleteIfEmpty(packageFolder);
            }
        }

        private static string WithOptions(string projectXml, ConsumerOptions options)
        {
            var document = XDocument.Parse(projectXml);
            var project = document.Root!;
            if (options.Properties.Count > 0)
            {
                project.Add(new XElement("PropertyGroup", options.Properties.Select(p => new XElement(p.Key, p.Value))));
            }

            if (options.PackageReferences.Count > 0)
            {
                project.Add(new XElement(
                    "ItemGroup",
                    options.PackageReferences.Select(p => new XElement("PackageReference", new XAttribute("Include", p.Key), new XAttribute("Version", p.Value)))));
            }

            return document.ToString();
        }

        private static CommandResult Setup(string directory, params string[] arguments) =>
            ConsumerProject.EnsureSucceeded(DotNetCli.Run(directory, arguments));

        private static void TryDelete(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary folder must not fail the run.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }

        // Not recursive: rmdir fails on a folder another run (another worktree's tests) has just restored into.
        private static void TryDeleteIfEmpty(string directory)
        {
            try
            {
                if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory, recursive: false);
                }
            }
            catch (IOException)
            {
                // Not empty after all, or gone: either way nothing of ours is left.
            }
            catch (UnauthorizedAccessException)
            {
                // Best effort, as above.
            }
        }

        /// <summary>
        /// The run's folder is a world of its own: empty Directory.Build.* and Directory.Packages.props stop MSBuild from
        /// importing whatever sits above the temp folder, and nuget.config adds the local feed to the sources the machine
        /// already has (the registry, for anything else a test adds, e.g. a pinned compiler).
        /// </summary>
        private void WriteIsolationFiles()
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                File.WriteAllText(Path.Combine(WorkDirectory, file), "<Project />\n");
            }

            var config = new XDocument(
                new XElement(
                    "configuration",
                    new XElement(
                        "packageSources",
                        new XElement("add", new XAttribute("key", "socketanalyzers-under-test"), new XAttribute("value", FeedDirectory)))));
            File.WriteAllText(Path.Combine(WorkDirectory, "nuget.config"), config.ToString());
        }
    }
}
