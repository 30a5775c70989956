using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Diagnostics;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>The descriptors: one place, unique IDs equal to the public constants, strings shaped as users read them.</summary>
    public sealed class DescriptorTests
    {
        /// <summary>The custom tags a descriptor may carry; tools filter on them, so they are part of the contract.</summary>
        private static readonly string[] KnownCustomTags = { "SocketAnalyzers", "Dataflow", WellKnownDiagnosticTags.CompilationEnd };

        public static TheoryData<string> DescriptorIds => AnalyzerCatalog.DescriptorIds;

        [Fact]
        public void Ids_AreUnique_AndExactlyTheDiagnosticIdsConstants()
        {
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToList();
            Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
            Assert.Equal(AnalyzerCatalog.IdConstants.Count, AnalyzerCatalog.IdConstants.Values.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(AnalyzerCatalog.IdConstants.Values.OrderBy(id => id, StringComparer.Ordinal), ids);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Id_FollowsTheCategoryRange(string id)
        {
            var expected = id[4] switch
            {
                '0' => Categories.Configuration,
                '1' => Categories.Protocol,
                '2' => Categories.Lifetime,
                '3' => Categories.Performance,
                '4' => Categories.Reliability,
                _ => "no category reserves this range",
            };
            Assert.Matches("^SOCK[0-9]{3}$", id);
            Assert.Equal(expected, AnalyzerCatalog.Descriptor(id).Category);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void HelpLink_IsTheRulePage(string id) =>
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", AnalyzerCatalog.Descriptor(id).HelpLinkUri);

        [Fact]
        public void HelpLinkBase_IsTheRepositoryUrl_AtThisVersionsTag()
        {
            // One source: Directory.Build.props' RepositoryUrl and Version, generated into the analyzers, and the
            // package's project URL is that same RepositoryUrl. The Package tests check the packed nuspec and SARIF.
            var props = System.Xml.Linq.XDocument.Load(System.IO.Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
            string Property(string name) => props.Descendants(name).Single().Value;

            Assert.StartsWith("https://", Property("RepositoryUrl"), StringComparison.Ordinal);
            Assert.Equal("$(RepositoryUrl)", Property("PackageProjectUrl"));
            Assert.Equal(Descriptors.HelpLinkBase, Property("RepositoryUrl") + "/blob/v" + Property("Version") + "/rules/");
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Strings_AreShapedForUsers(string id)
        {
            var descriptor = AnalyzerCatalog.Descriptor(id);
            var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);
            var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var description = descriptor.Description.ToString(CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(title), $"{id}: no title");
            Assert.False(title.EndsWith(".", StringComparison.Ordinal), $"{id}: the title ends with a period: {title}");
            Assert.False(string.IsNullOrWhiteSpace(message), $"{id}: no message");
            Assert.False(message.EndsWith(".", StringComparison.Ordinal), $"{id}: the message ends with a period: {message}");
            Assert.True(description.EndsWith(".", StringComparison.Ordinal), $"{id}: the description does not end with a period: {description}");
            Assert.NotEqual(title, message);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void CustomTags_AreKnown_AndNameThePackage(string id)
        {
            var tags = AnalyzerCatalog.Descriptor(id).CustomTags.ToList();
            Assert.Contains("SocketAnalyzers", tags);
            Assert.All(tags, tag => Assert.Contains(tag, KnownCustomTags));
            Assert.Equal(tags.Distinct(StringComparer.Ordinal).Count(), tags.Count);
        }

        [Fact]
        public void ResourceKeys_BelongToADescriptor()
        {
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            var set = Resources.Manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
            var orphans = set.Cast<System.Collections.DictionaryEntry>()
                .Select(entry => (string)entry.Key)
                .Where(key => key.StartsWith("SOCK", StringComparison.Ordinal) && !ids.Contains(key.Split('_')[0]))
                .ToList();
            Assert.True(orphans.Count == 0, "Resource strings of no descriptor: " + string.Join(", ", orphans));
        }
    }
}
