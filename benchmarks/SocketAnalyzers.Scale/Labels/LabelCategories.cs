using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SocketAnalyzers.Precision;

namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// labels-scoring.json: the tools a labelled run compares and, per label category, the rules whose findings count
    /// for it (LABELS.md's category table as data; LabelCategoriesTests checks that the two agree).
    /// </summary>
    internal sealed class LabelCategories
    {
        public List<string> Tools { get; set; } = new();

        public List<CategoryRules> Categories { get; set; } = new();

        public static LabelCategories Load() =>
            PrecisionConfig.Load<LabelCategories>(Path.Combine(AppContext.BaseDirectory, "labels-scoring.json"));

        public CategoryRules? Find(string category) => this.Categories.FirstOrDefault(c => c.Name == category);

        /// <summary>The categories a finding of <paramref name="rule"/> counts for (AsyncFixer02 counts for two).</summary>
        public IEnumerable<CategoryRules> Of(string rule) => this.Categories.Where(c => c.Counts(rule));

        /// <summary>Every rule that counts for some category: what each tool's pass switches on.</summary>
        public ISet<string> AllRules() => new HashSet<string>(this.Categories.SelectMany(c => c.Ours.Concat(c.Others)), StringComparer.Ordinal);
    }

    /// <summary>A label category and the rules that count for it: ours (SocketAnalyzers) and the other tools'.</summary>
    internal sealed class CategoryRules
    {
        public string Name { get; set; } = "";

        public List<string> Ours { get; set; } = new();

        public List<string> Others { get; set; } = new();

        public bool Counts(string rule) => this.Ours.Contains(rule) || this.Others.Contains(rule);
    }
}
