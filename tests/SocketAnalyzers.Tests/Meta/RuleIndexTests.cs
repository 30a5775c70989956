using System;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>rules/README.md has one row per descriptor, matching it, and no row without one.</summary>
    public sealed class RuleIndexTests
    {
        public static TheoryData<string> DescriptorIds => AnalyzerCatalog.DescriptorIds;

        private static string Text
        {
            get
            {
                if (Environment.GetEnvironmentVariable("SOCKETANALYZERS_UPDATE_DOCS") == "1")
                {
                    RuleIndex.Update();
                }

                return File.ReadAllText(RuleIndex.Path).Replace("\r\n", "\n");
            }
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Descriptor_HasAMatchingIndexRow(string id)
        {
            var rows = Text.Split('\n').Where(line => line.StartsWith($"| [{id}]", StringComparison.Ordinal)).ToList();
            var row = Assert.Single(rows);
            Assert.Equal(RuleIndex.Row(id), row);
        }

        [Fact]
        public void EveryIndexRow_HasADescriptor()
        {
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            var orphans = Text.Split('\n')
                .Where(line => line.StartsWith("| [SOCK", StringComparison.Ordinal))
                .Select(line => line.Substring(3, line.IndexOf(']', StringComparison.Ordinal) - 3))
                .Where(id => !ids.Contains(id))
                .ToList();
            Assert.True(orphans.Count == 0, "Index rows without a descriptor: " + string.Join(", ", orphans));
        }

        [Fact]
        public void CommittedIndex_IsTheRenderedOne()
        {
            var committed = RuleIndex.Committed(Text);
            Assert.True(committed is not null, $"rules/README.md lacks the markers '{RuleIndex.Start}' … '{RuleIndex.End}'.");
            Assert.True(
                RuleIndex.Render() == committed,
                "rules/README.md's index is out of date (order or rows): run the tests with SOCKETANALYZERS_UPDATE_DOCS=1 and commit it.");
        }
    }
}
