namespace SocketAnalyzers.GroundTruth.Tests.RulePages
{
    /// <summary>A C# block of a rule page and the ground-truth claim written right after it.</summary>
    internal sealed class RulePageExample
    {
        public RulePageExample(string page, int line, string code, string claim)
        {
            this.Page = page;
            this.Line = line;
            this.Code = code;
            this.Claim = claim;
        }

        /// <summary>The page's file name, e.g. SOCK101.md.</summary>
        public string Page { get; }

        /// <summary>The 1-based line of the block's first code line in the page.</summary>
        public int Line { get; }

        public string Code { get; }

        public string Claim { get; }

        /// <summary>True for the block that starts with <c>// Flagged</c>.</summary>
        public bool IsFlagged => this.Code.StartsWith("// Flagged", System.StringComparison.Ordinal);
    }
}
