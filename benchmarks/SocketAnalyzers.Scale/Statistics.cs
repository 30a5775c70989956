using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Scale
{
    /// <summary>Medians and the growth exponent of a figure with input size.</summary>
    internal static class Statistics
    {
        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0)
            {
                return double.NaN;
            }

            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        /// <summary>
        /// The exponent b of the least-squares fit time = a · size^b on a log–log scale: 1 is linear, 2 quadratic.
        /// NaN with fewer than two sizes or a non-positive figure.
        /// </summary>
        public static double GrowthExponent(IReadOnlyList<(double Size, double Value)> points)
        {
            if (points.Count < 2 || points.Any(p => p.Size <= 0 || p.Value <= 0))
            {
                return double.NaN;
            }

            var xs = points.Select(p => Math.Log(p.Size)).ToList();
            var ys = points.Select(p => Math.Log(p.Value)).ToList();
            var meanX = xs.Average();
            var meanY = ys.Average();
            var covariance = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum();
            var variance = xs.Sum(x => (x - meanX) * (x - meanX));
            return covariance / variance;
        }
    }
}
