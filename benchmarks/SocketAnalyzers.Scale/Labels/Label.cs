namespace SocketAnalyzers.Scale.Labels
{
    /// <summary>
    /// One line of a labels file (benchmarks/realcode/LABELS.md): a real misuse (<see cref="IsBug"/>) or a trap in
    /// <see cref="File"/>, where a finding on a line from <see cref="FirstLine"/> to <see cref="LastLine"/> (or on
    /// <see cref="AlsoLine"/>, when not 0: the declaration of a field whose assignment the range names) counts for it.
    /// </summary>
    /// <param name="File">The path relative to the scored folder, with '/' separators (<c>owner__repo/path</c>).</param>
    /// <param name="Category">A category of <see cref="LabelCategories"/>.</param>
    /// <param name="Rule">Our ID that names the defect (for a trap: the one a naive checker would report).</param>
    /// <param name="Source">Where the label was read: <c>labels file:line</c>.</param>
    internal sealed record Label(string File, int FirstLine, int LastLine, bool IsBug, string Category, string Rule, string Note, string Source)
    {
        public int AlsoLine { get; init; }

        public string Kind => this.IsBug ? "bug" : "trap";

        public string Lines =>
            (this.FirstLine == this.LastLine ? this.FirstLine.ToString(System.Globalization.CultureInfo.InvariantCulture) : this.FirstLine + "-" + this.LastLine)
            + (this.AlsoLine == 0 ? string.Empty : "," + this.AlsoLine.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>A finding belongs to this label when it is in the same file and starts on one of its lines.</summary>
        public bool Covers(Finding finding) =>
            finding.File == this.File && ((finding.Line >= this.FirstLine && finding.Line <= this.LastLine) || finding.Line == this.AlsoLine);

        public override string ToString() => this.File + ":" + this.Lines + " " + this.Kind + " " + this.Category + " " + this.Rule;
    }
}
