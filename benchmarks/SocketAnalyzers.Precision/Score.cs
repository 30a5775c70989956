using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Precision
{
    /// <summary>
    /// True positives, false positives and false negatives of a set of rules against the markers of the kinds they
    /// claim to find. A marker counts once however many findings hit its line; a finding on a line without a marker
    /// of a claimed kind is a false positive, counted once per line.
    /// </summary>
    internal sealed class Score
    {
        public int TruePositives => this.Found.Count;

        public int FalseNegatives => this.Missed.Count;

        public int FalsePositives => this.Wrong.Count;

        public List<Marker> Found { get; } = new();

        public List<Marker> Missed { get; } = new();

        /// <summary>False positive locations, "file:line ID".</summary>
        public SortedSet<string> Wrong { get; } = new(StringComparer.Ordinal);

        public string Precision => Ratio(this.TruePositives, this.TruePositives + this.FalsePositives);

        public string Recall => Ratio(this.TruePositives, this.TruePositives + this.FalseNegatives);

        /// <param name="markers">The markers the rules are measured against (already restricted to the claimed kinds).</param>
        /// <param name="findings">The findings of the rules: ID and primary location.</param>
        public static Score Compute(IReadOnlyList<Marker> markers, IEnumerable<Diagnostic> findings, Func<string, ISet<string>> claimedKinds)
        {
            var score = new Score();
            var hit = new HashSet<Marker>();
            foreach (var finding in findings)
            {
                var span = finding.Location.GetLineSpan();
                var file = span.Path;
                var line = span.StartLinePosition.Line + 1;
                var kinds = claimedKinds(finding.Id);
                var matched = false;
                foreach (var marker in markers)
                {
                    if (marker.IsAt(file, line) && kinds.Contains(marker.Kind))
                    {
                        hit.Add(marker);
                        matched = true;
                    }
                }

                if (!matched)
                {
                    score.Wrong.Add(file + ":" + line + " " + finding.Id);
                }
            }

            foreach (var marker in markers)
            {
                (hit.Contains(marker) ? score.Found : score.Missed).Add(marker);
            }

            return score;
        }

        private static string Ratio(int numerator, int denominator) =>
            denominator == 0 ? "–" : ((double)numerator / denominator).ToString("P0", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", "");
    }
}
