using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// One of our rules on a labelled set: the bug labels that name it (found when any of our rules of the category
    /// matches them, so the rows of a category add up to its TP and misses), and where its own findings fall.
    /// </summary>
    internal sealed record RuleScore(string Rule, string Category, int Labelled, int Found, int Findings, int OnBugs, int OnTraps, int Unlabelled)
    {
        public int Missed => this.Labelled - this.Found;

        public string Recall => CategoryScore.Ratio(this.Found, this.Labelled);

        /// <summary>A row for every rule of ours that has a label naming it or a finding.</summary>
        /// <param name="ours">Our tool's category scores (<see cref="LabelScoring.Score"/>).</param>
        public static List<RuleScore> Compute(IReadOnlyList<CategoryScore> ours, IReadOnlyList<Finding> findings, IReadOnlyList<Label> labels, LabelCategories categories)
        {
            var rows = new List<RuleScore>();
            foreach (var score in ours)
            {
                foreach (var rule in categories.Find(score.Category)!.Ours)
                {
                    var own = findings.Where(f => f.Tool == score.Tool && f.Rule == rule).ToList();
                    var categoryLabels = labels.Where(l => l.Category == score.Category).ToList();
                    var row = new RuleScore(
                        rule,
                        score.Category,
                        categoryLabels.Count(l => l.IsBug && l.Rule == rule),
                        score.Found.Count(l => l.Rule == rule),
                        own.Count,
                        own.Count(f => categoryLabels.Any(l => l.IsBug && l.Covers(f))),
                        own.Count(f => categoryLabels.Any(l => !l.IsBug && l.Covers(f))),
                        own.Count(f => !LabelScoring.Matches(f, labels, categories).Any()));
                    if (row.Labelled > 0 || row.Findings > 0)
                    {
                        rows.Add(row);
                    }
                }
            }

            return rows;
        }
    }
}
