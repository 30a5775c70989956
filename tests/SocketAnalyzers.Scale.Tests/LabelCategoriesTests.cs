using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SocketAnalyzers.Precision;
using SocketAnalyzers.Scale.Labels;

namespace SocketAnalyzers.Scale.Tests
{
    /// <summary>labels-scoring.json is LABELS.md's category table as data: the two must say the same.</summary>
    public sealed class LabelCategoriesTests
    {
        [Fact]
        public void CategoriesAndRules_AgreeWithTheTableOfLabelsMd()
        {
            var table = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "LABELS.md"))
                .Select(line => Regex.Match(line, @"^\| `(?<name>[a-z-]+)` \| (?<ours>[^|]+) \| (?<others>[^|]+) \|$"))
                .Where(m => m.Success)
                .Select(m => (Name: m.Groups["name"].Value, Ours: Expand(m.Groups["ours"].Value), Others: Expand(m.Groups["others"].Value)))
                .ToList();

            var categories = LabelCategories.Load().Categories;

            Assert.Equal(table.Select(t => t.Name), categories.Select(c => c.Name));
            foreach (var (row, category) in table.Zip(categories))
            {
                Assert.Equal(row.Ours, category.Ours);
                Assert.Equal(row.Others, category.Others);
            }
        }

        [Fact]
        public void EveryTool_IsDefinedInPrecisionJson_OursFirst()
        {
            var defined = PrecisionConfig.Load<PrecisionConfig>(Path.Combine(AppContext.BaseDirectory, "precision.json")).Tools;

            var tools = LabelCategories.Load().Tools.Select(name => defined.Single(t => t.Name == name)).ToList();

            Assert.Equal(AnalyzerCatalog.OwnPackage, tools[0].Package);
            Assert.Equal("AllPaths", tools.Single(t => t.Options.ContainsKey("dotnet_code_quality.CA2000.dispose_analysis_kind")).Options["dotnet_code_quality.CA2000.dispose_analysis_kind"]);
        }

        /// <summary>"SOCK101–SOCK111, CA2000" → SOCK101 … SOCK111, CA2000; "—" → nothing.</summary>
        private static List<string> Expand(string cell)
        {
            var ids = new List<string>();
            foreach (var item in cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(i => i != "—"))
            {
                var range = Regex.Match(item, @"^(?<prefix>[A-Za-z]+)(?<from>\d+)–\k<prefix>(?<to>\d+)$");
                if (!range.Success)
                {
                    ids.Add(item);
                    continue;
                }

                var width = range.Groups["from"].Value.Length;
                for (var n = int.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture); n <= int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture); n++)
                {
                    ids.Add(range.Groups["prefix"].Value + n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
                }
            }

            return ids;
        }
    }
}
