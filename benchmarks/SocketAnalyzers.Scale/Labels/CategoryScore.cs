using System.Collections.Generic;
using System.Globalization;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// One tool's score on one label category (benchmarks/realcode/LABELS.md, "Scoring"): bug labels found by at
    /// least one finding (TP) or by none (miss), findings on trap labels (FP) and findings on no label (unlabelled,
    /// to be reviewed).
    /// </summary>
    internal sealed class CategoryScore
    {
        public CategoryScore(string tool, string category, IReadOnlyList<string> rules)
        {
            this.Tool = tool;
            this.Category = category;
            this.Rules = rules;
        }

        public string Tool { get; }

        public string Category { get; }

        /// <summary>The tool's rules that count for the category and ran.</summary>
        public IReadOnlyList<string> Rules { get; }

        public List<Label> Found { get; } = new();

        public List<Label> Missed { get; } = new();

        /// <summary>Findings on a trap label, each with the (first) trap it sits on.</summary>
        public List<(Finding Finding, Label Trap)> OnTraps { get; } = new();

        public List<Finding> Unlabelled { get; } = new();

        public int TruePositives => this.Found.Count;

        public int FalsePositives => this.OnTraps.Count;

        public int Misses => this.Missed.Count;

        /// <summary>TP / (TP + FP), the unlabelled findings left out until they are reviewed.</summary>
        public string Precision => Ratio(this.TruePositives, this.TruePositives + this.FalsePositives);

        /// <summary>TP / (TP + FP + unlabelled): the precision if every unlabelled finding were wrong.</summary>
        public string WorstPrecision => Ratio(this.TruePositives, this.TruePositives + this.FalsePositives + this.Unlabelled.Count);

        public string Recall => Ratio(this.TruePositives, this.TruePositives + this.Misses);

        public static string Ratio(int numerator, int denominator) =>
            denominator == 0 ? "–" : ((double)numerator / denominator).ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", System.StringComparison.Ordinal);
    }
}
