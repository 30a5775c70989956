using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SocketAnalyzers.GroundTruth.Tests.RulePages;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>Each protocol rule page cites every measured scenario its table entries stand on (ranges such as B1–B6 count).</summary>
    public sealed class RulePageScenarioTests
    {
        private static readonly Regex ScenarioId = new(@"\b(?<letter>[A-J])(?<from>\d{1,2})(?:[–-](?:\k<letter>)?(?<to>\d{1,2}))?\b", RegexOptions.CultureInvariant);

        [Fact]
        public void EveryScenarioOfAnEntry_IsCitedOnItsRulePage()
        {
            var missing = new List<string>();
            foreach (var group in ProtocolTable.Rules.GroupBy(r => r.DiagnosticId))
            {
                var path = Path.Combine(RulePageReader.RulesFolder, group.Key + ".md");
                var cited = File.Exists(path) ? Ids(File.ReadAllText(path)) : new HashSet<string>();
                foreach (var id in group.SelectMany(r => Ids(r.Scenarios)).Distinct().Where(id => !cited.Contains(id)))
                {
                    missing.Add($"{group.Key}.md does not cite {id}");
                }
            }

            Assert.Empty(missing);
        }

        private static HashSet<string> Ids(string text)
        {
            var ids = new HashSet<string>();
            foreach (Match match in ScenarioId.Matches(text))
            {
                var letter = match.Groups["letter"].Value;
                var from = int.Parse(match.Groups["from"].Value);
                var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value) : from;
                for (var n = from; n <= to; n++)
                {
                    ids.Add(letter + n);
                }
            }

            return ids;
        }
    }
}
