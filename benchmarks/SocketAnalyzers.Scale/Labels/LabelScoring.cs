using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// Matches a tool's findings to the labels: a finding matches a label when the file is the same, its start line is
    /// inside the label's lines and its rule counts for the label's category (benchmarks/realcode/LABELS.md).
    /// </summary>
    internal static class LabelScoring
    {
        /// <summary>
        /// The tool's score on every category one of <paramref name="ranRules"/> counts for, in the categories' order.
        /// A finding is unlabelled when it matches no label of any category its rule counts for (a rule that counts for
        /// two categories, AsyncFixer02, is unlabelled in both when it matches neither).
        /// </summary>
        /// <param name="findings">The tool's findings (other rules are ignored).</param>
        /// <param name="ranRules">The tool's rules that ran.</param>
        public static List<CategoryScore> Score(string tool, IReadOnlyList<Finding> findings, ISet<string> ranRules, IReadOnlyList<Label> labels, LabelCategories categories)
        {
            var scores = new List<CategoryScore>();
            foreach (var category in categories.Categories)
            {
                var rules = category.Ours.Concat(category.Others).Where(ranRules.Contains).Distinct(StringComparer.Ordinal).ToList();
                if (rules.Count == 0)
                {
                    continue;
                }

                var score = new CategoryScore(tool, category.Name, rules);
                var counted = findings.Where(f => f.Tool == tool && rules.Contains(f.Rule)).ToList();
                var categoryLabels = labels.Where(l => l.Category == category.Name).ToList();
                foreach (var label in categoryLabels.Where(l => l.IsBug))
                {
                    (counted.Any(label.Covers) ? score.Found : score.Missed).Add(label);
                }

                foreach (var finding in counted)
                {
                    if (categoryLabels.FirstOrDefault(l => !l.IsBug && l.Covers(finding)) is { } trap)
                    {
                        score.OnTraps.Add((finding, trap));
                    }
                    else if (!Matches(finding, labels, categories).Any())
                    {
                        score.Unlabelled.Add(finding);
                    }
                }

                scores.Add(score);
            }

            return scores;
        }

        /// <summary>The labels a finding matches, in any category its rule counts for.</summary>
        public static IEnumerable<Label> Matches(Finding finding, IReadOnlyList<Label> labels, LabelCategories categories)
        {
            var counting = categories.Of(finding.Rule).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            return labels.Where(l => counting.Contains(l.Category) && l.Covers(finding));
        }
    }
}
