using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// AnalyzerReleases.Shipped.md then Unshipped.md, replayed in order (New, Changed, Removed Rules), end on exactly
    /// the descriptors: same IDs, categories and severities. The compiler's RS2xxx rules check the creation sites;
    /// this test also catches a row left behind for an ID whose descriptor moved or vanished.
    /// </summary>
    public sealed class ReleaseTrackingTests
    {
        public static TheoryData<string> DescriptorIds => AnalyzerCatalog.DescriptorIds;

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Descriptor_IsTrackedWithItsCategoryAndSeverity(string id)
        {
            var tracked = Replay();
            Assert.True(tracked.ContainsKey(id), $"{id} is in neither AnalyzerReleases.Shipped.md nor Unshipped.md.");
            var descriptor = AnalyzerCatalog.Descriptor(id);
            Assert.Equal((descriptor.Category, AnalyzerCatalog.SeverityText(descriptor)), tracked[id]);
        }

        [Fact]
        public void EveryTrackedId_HasADescriptor()
        {
            var ids = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
            var orphans = Replay().Keys.Where(id => !ids.Contains(id)).ToList();
            Assert.True(orphans.Count == 0, "Release entries without a descriptor: " + string.Join(", ", orphans));
        }

        /// <summary>ID → (category, severity) after every release and the unshipped one.</summary>
        private static Dictionary<string, (string Category, string Severity)> Replay()
        {
            var state = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                var section = string.Empty;
                foreach (var raw in File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "src", "SocketAnalyzers", file)))
                {
                    var line = raw.Trim();
                    if (line.StartsWith("### ", StringComparison.Ordinal))
                    {
                        section = line.Substring(4).Trim();
                        continue;
                    }

                    var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                    if (!cells[0].StartsWith("SOCK", StringComparison.Ordinal) || cells.Length < 3)
                    {
                        continue;
                    }

                    switch (section)
                    {
                        case "New Rules":
                            Assert.False(state.ContainsKey(cells[0]), $"{file}: {cells[0]} is added twice.");
                            state[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Changed Rules":
                            state[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Removed Rules":
                            state.Remove(cells[0]);
                            break;
                        default:
                            Assert.Fail($"{file}: {cells[0]} sits in an unknown section '{section}'.");
                            break;
                    }
                }
            }

            return state;
        }
    }
}
