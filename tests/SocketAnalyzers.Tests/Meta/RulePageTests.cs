using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Each descriptor has its page in rules/, and the page's heading and rule table say what the descriptor says.</summary>
    public sealed class RulePageTests
    {
        public static TheoryData<string> DescriptorIds => AnalyzerCatalog.DescriptorIds;

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Descriptor_HasAPage_HeadedByItsIdAndTitle(string id)
        {
            var page = Load(id);
            var title = AnalyzerCatalog.Descriptor(id).Title.ToString(CultureInfo.InvariantCulture);
            Assert.Equal($"# {id}: {title}", page.Heading);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void PageTable_MatchesTheDescriptor(string id)
        {
            var page = Load(id);
            var descriptor = AnalyzerCatalog.Descriptor(id);
            Assert.True(page.Table.Count > 0, $"rules/{id}.md has no table between '{RulePage.TableStart}' and '{RulePage.TableEnd}' (see rules/TEMPLATE.md).");
            Assert.Equal(id, page.Cell("ID"));
            Assert.Equal(descriptor.Category, page.Cell("Category"));
            Assert.Equal(AnalyzerCatalog.SeverityText(descriptor), page.Cell("Default severity"));
            Assert.Equal(AnalyzerCatalog.FixableIds.Contains(id) ? "Yes" : "No", page.Cell("Code fix"));
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void PageSource_LinksAnExistingFileUnderSrc(string id)
        {
            var target = Load(id).SourceTarget();
            Assert.True(target is not null, $"rules/{id}.md: the Source row has no markdown link.");
            var src = Path.Combine(RepositoryPaths.Root, "src") + Path.DirectorySeparatorChar;
            Assert.True(target!.StartsWith(src, StringComparison.Ordinal), $"rules/{id}.md: Source points outside src/: {target}");
            Assert.True(File.Exists(target), $"rules/{id}.md: Source points at a missing file: {target}");

            // The right file, not just a file: it names the rule's ID constant (DiagnosticIds.X or Descriptors.X).
            var constant = AnalyzerCatalog.IdConstants.Single(pair => pair.Value == id).Key;
            Assert.True(File.ReadAllText(target).Contains(constant, StringComparison.Ordinal), $"rules/{id}.md: {target} never mentions {constant}.");
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void PageStatus_IsHonest(string id)
        {
            // "Implemented" exactly when some analyzer supports the ID; a note may follow ("Implemented (issue #4)").
            var page = Load(id);
            var status = page.Cell("Status");
            var supported = AnalyzerCatalog.SupportedIds.Contains(id);
            if (status.StartsWith("Implemented", StringComparison.Ordinal))
            {
                Assert.True(supported, $"rules/{id}.md says '{status}', but no analyzer supports {id}: write 'Not yet implemented'.");
                var diagnostics = Path.Combine(RepositoryPaths.Root, "src", "SocketAnalyzers", "Diagnostics") + Path.DirectorySeparatorChar;
                Assert.False(page.SourceTarget()?.StartsWith(diagnostics, StringComparison.Ordinal) ?? false, $"rules/{id}.md: an implemented rule's Source is its rule file, not the descriptor.");
            }
            else
            {
                Assert.StartsWith("Not yet implemented", status, StringComparison.Ordinal);
                Assert.False(supported, $"rules/{id}.md says '{status}', but an analyzer supports {id}: write 'Implemented'.");
            }
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void WrittenPage_HasEveryTemplateSection(string id)
        {
            var page = Load(id);
            if (page.IsPlaceholder)
            {
                return;
            }

            var templateSections = File.ReadAllLines(Path.Combine(RulePage.RulesFolder, "TEMPLATE.md"))
                .Where(line => line.StartsWith("## ", StringComparison.Ordinal));
            var missing = templateSections.Except(page.Lines).ToList();
            Assert.True(missing.Count == 0, $"rules/{id}.md lacks the template sections: {string.Join(", ", missing)}");
        }

        [Fact]
        public void EveryPage_HasADescriptor()
        {
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            var orphans = RulePage.PageIds().Where(id => !ids.Contains(id)).ToList();
            Assert.True(orphans.Count == 0, "Pages without a descriptor: " + string.Join(", ", orphans));
        }

        private static RulePage Load(string id) =>
            RulePage.TryLoad(id) ?? throw new Xunit.Sdk.XunitException($"rules/{id}.md is missing: write it from rules/TEMPLATE.md.");
    }
}
