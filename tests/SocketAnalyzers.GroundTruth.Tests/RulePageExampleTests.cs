using System.Collections.Generic;
using System.IO;
using System.Linq;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.GroundTruth.Tests.RulePages;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// The examples on the protocol rule pages (rules/SOCK101.md … SOCK111.md) run on loopback and end the way the
    /// page's ground-truth comment says: a page cannot claim what .NET does not do.
    /// </summary>
    public sealed class RulePageExampleTests
    {
        public static TheoryData<string, int> Examples()
        {
            var data = new TheoryData<string, int>();
            foreach (var page in ProtocolPages())
            {
                foreach (var example in RulePageReader.Read(page))
                {
                    data.Add(Path.GetFileName(page), example.Line);
                }
            }

            return data;
        }

        [Fact]
        public void EveryProtocolRulePage_HasAFlaggedExampleWithAGroundTruthClaim()
        {
            var ids = ProtocolTable.Rules.Select(r => r.DiagnosticId).Append("SOCK109").Distinct().OrderBy(id => id).ToList();
            var missing = new List<string>();
            foreach (var id in ids)
            {
                var page = Path.Combine(RulePageReader.RulesFolder, id + ".md");
                if (!File.Exists(page))
                {
                    missing.Add(id + ": no page");
                }
                else if (!RulePageReader.Read(page).Any(e => e.IsFlagged))
                {
                    missing.Add(id + ": no \"// Flagged\" block followed by <!-- ground-truth: … -->");
                }
            }

            Assert.Empty(missing);
        }

        [LinuxTheory]
        [MemberData(nameof(Examples))]
        public void Example_EndsAsThePageClaims(string page, int line)
        {
            var example = RulePageReader.Read(Path.Combine(RulePageReader.RulesFolder, page)).Single(e => e.Line == line);
            var claim = OutcomeClaimParser.Parse(example.Claim);
            var thrown = ExampleRunner.Run(example);
            var seen = thrown is null ? "completed" : ExpectedException.Describe(thrown);
            switch (claim)
            {
                case ThrowsClaim throws:
                    Assert.True(throws.Alternatives.Length == 1, $"{page} line {line}: an example claims one exception");
                    Assert.True(thrown is not null, $"{page} line {line}: claims \"{example.Claim}\" but the example completed");
                    var mismatch = throws.Alternatives[0].Mismatch(thrown!);
                    Assert.True(mismatch is null, $"{page} line {line}: claims \"{example.Claim}\": {mismatch}");
                    break;
                case CompletesClaim:
                    Assert.True(thrown is null, $"{page} line {line}: claims it completes but saw {seen}");
                    break;
                default:
                    Assert.Fail($"{page} line {line}: \"{example.Claim}\" is not a claim an example can make (use \"throws …\" or \"completes\")");
                    break;
            }
        }

        private static IEnumerable<string> ProtocolPages() =>
            Directory.Exists(RulePageReader.RulesFolder)
                ? Directory.GetFiles(RulePageReader.RulesFolder, "SOCK1*.md").OrderBy(p => p)
                : Enumerable.Empty<string>();
    }
}
