using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using SocketAnalyzers.Package.Tests.Infrastructure;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>What `dotnet pack` puts in the package, read from the .nupkg itself.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageLayoutTests
    {
        private readonly PackageFixture fixture;

        public PackageLayoutTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Package_HoldsTheAnalyzersUnversioned_TheGeneratorUnderRoslyn414_TheMonitorOutsideLib()
        {
            using var package = ZipFile.OpenRead(fixture.PackagePath);
            var files = package.Entries.Select(e => e.FullName).ToList();

            // Analyzers and fixes load on every compiler; the runtime verifier's generator only on Roslyn 4.14 or later;
            // its monitor is referenced by build/ only when the consumer turns the verifier on (docs/runtime-verifier.md).
            var assemblies = files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/cs/SocketAnalyzers.CodeFixes.dll",
                    "analyzers/dotnet/cs/SocketAnalyzers.dll",
                    "analyzers/dotnet/roslyn4.14/cs/SocketAnalyzers.RuntimeVerifier.Generator.dll",
                    "runtime/net8.0/SocketAnalyzers.RuntimeVerifier.dll",
                },
                assemblies);
            Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) || f.StartsWith("ref/", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f.StartsWith("buildTransitive", StringComparison.Ordinal) || f.StartsWith("content", StringComparison.Ordinal));
            Assert.Equal(
                new[]
                {
                    "build/SocketAnalyzers.RuntimeVerifier.props",
                    "build/SocketAnalyzers.RuntimeVerifier.targets",
                    "build/SocketAnalyzers.props",
                    "build/SocketAnalyzers.targets",
                },
                files.Where(f => f.StartsWith("build/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal));
        }

        [Fact]
        public void Nuspec_IsADevelopmentDependency_WithLicenseReadmeAndRepository_AndNoDependencies()
        {
            var metadata = ReadNuspecMetadata();

            Assert.Equal(PackageFixture.PackageId, Value(metadata, "id"));
            Assert.Equal(fixture.PackageVersion, Value(metadata, "version"));
            Assert.Equal("true", Value(metadata, "developmentDependency"));

            var license = Element(metadata, "license");
            Assert.Equal("expression", (string?)license.Attribute("type"));
            Assert.Equal("MIT", license.Value);

            var repository = Element(metadata, "repository");
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
            // One source (Directory.Build.props): the repository, the project page and the help links agree.
            Assert.Equal(fixture.RepositoryUrl, (string?)repository.Attribute("url"));
            Assert.Equal(fixture.RepositoryUrl, Value(metadata, "projectUrl"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));

            // No dependency group at all: nothing flows to the consumer's restore graph.
            Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName is "dependencies" or "frameworkAssemblies" or "frameworkReferences");
        }

        [Fact]
        public void Readme_IsThePackageReadme_WithItsLinksMadeAbsoluteToThisVersionsTag()
        {
            var metadata = ReadNuspecMetadata();
            var readme = Value(metadata, "readme");
            Assert.Equal("README.md", readme);
            // The readme links the documentation of the packed version's tag, as the help links do (these name the
            // version the analyzers were built with: the fixture packs them as built, under a prerelease version).
            var linkBase = (string?)Element(metadata, "repository").Attribute("url") + "/blob/v" + fixture.PackageVersion + "/";

            using var package = ZipFile.OpenRead(fixture.PackagePath);
            using var reader = new StreamReader(package.GetEntry(readme!)!.Open());
            var packaged = reader.ReadToEnd();

            // The package page has no repository around it: a link such as (../rules/README.md) would lead nowhere.
            Assert.DoesNotMatch(@"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#)", packaged);
            Assert.Contains("](" + linkBase + "rules/README.md)", packaged, StringComparison.Ordinal);
            Assert.Contains("](" + linkBase + "docs/runtime-verifier.md)", packaged, StringComparison.Ordinal);
            var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nuget", "README.md"));
            Assert.Equal(
                source.ReplaceLineEndings("\n").TrimEnd(),
                packaged.Replace("](" + linkBase, "](../", StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd());
        }

        [Fact]
        public void AddPackage_MarksTheReferencePrivate_BecauseItIsADevelopmentDependency()
        {
            // `dotnet add package` reads developmentDependency and writes PrivateAssets=all: a library that uses the
            // analyzers does not pass them on to its own consumers.
            var reference = XDocument.Parse(fixture.TemplateProjectXml).Descendants("PackageReference")
                .Single(r => (string?)r.Attribute("Include") == PackageFixture.PackageId);

            Assert.Equal(fixture.PackageVersion, (string?)reference.Attribute("Version"));
            Assert.Equal("all", reference.Element("PrivateAssets")?.Value);
        }

        private XElement ReadNuspecMetadata()
        {
            using var package = ZipFile.OpenRead(fixture.PackagePath);
            var nuspec = package.Entries.Single(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspec.Open();
            return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        private static XElement Element(XElement metadata, string name) =>
            metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
            ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

        private static string? Value(XElement metadata, string name) => Element(metadata, name).Value;
    }
}
