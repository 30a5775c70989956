using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SocketAnalyzers.Scale
{
    /// <summary>Markdown tables and the number formats of every report.</summary>
    internal static class Markdown
    {
        /// <summary>A table whose first <paramref name="textColumns"/> columns are left-aligned, the others (figures) right-aligned.</summary>
        public static void Table(StringBuilder output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1)
        {
            output.Append("| ").Append(string.Join(" | ", header)).AppendLine(" |");
            output.Append('|');
            for (var i = 0; i < header.Count; i++)
            {
                output.Append(i < textColumns ? "---|" : "---:|");
            }

            output.AppendLine();
            foreach (var row in rows)
            {
                output.Append("| ").Append(string.Join(" | ", row)).AppendLine(" |");
            }

            output.AppendLine();
        }

        public static string Ms(double milliseconds) =>
            milliseconds >= 100
                ? milliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms"
                : milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

        public static string Ms(TimeSpan time) => Ms(time.TotalMilliseconds);

        public static string Mb(double megabytes) => megabytes.ToString("N0", CultureInfo.InvariantCulture) + " MB";

        public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Ratio(double value) =>
            double.IsFinite(value) ? value.ToString(value < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) : "–";

        public static string Percent(double fraction) =>
            double.IsFinite(fraction) ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
    }
}
