using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>Numeric and collection helpers.</summary>
internal static partial class HelperMembers
{
    private static void Percentile(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} double Percentile{n}(IEnumerable<double> values, double percentile)");
        w.Line("var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();");
        w.Open("if (sorted.Length == 0)");
        w.Line("return double.NaN;");
        w.Close();
        w.Blank();
        w.Line("var rank = Math.Clamp(percentile, 0, 100) / 100.0 * (sorted.Length - 1);");
        w.Line("var lower = (int)Math.Floor(rank);");
        w.Line("var upper = (int)Math.Ceiling(rank);");
        w.Line("return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));");
        w.Close();
    }

    private static void ChunkList(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} IEnumerable<IReadOnlyList<T>> Batch{n}<T>(IEnumerable<T> source, int size)");
        w.Line("ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);");
        w.Line("var batch = new List<T>(size);");
        w.Open("foreach (var item in source)");
        w.Line("batch.Add(item);");
        w.Open("if (batch.Count == size)");
        w.Line("yield return batch;");
        w.Line("batch = new List<T>(size);");
        w.Close();
        w.Close();
        w.Blank();
        w.Open("if (batch.Count > 0)");
        w.Line("yield return batch;");
        w.Close();
        w.Close();
    }

    private static void Checksum(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var (a, b) = c.Pick((1u, 0u), (1u, 1u));
        w.Line("/// <summary>Adler-32 style checksum; cheap, good enough to detect torn writes.</summary>");
        w.Open($"{modifiers} uint Checksum{n}(ReadOnlySpan<byte> data)");
        w.Line($"uint a = {a}, b = {b};");
        w.Open("foreach (var value in data)");
        w.Line("a = (a + value) % 65521;");
        w.Line("b = (b + a) % 65521;");
        w.Close();
        w.Blank();
        w.Line("return (b << 16) | a;");
        w.Close();
    }

    private static void GroupCounts(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var top = c.Pick(3, 5, 10, 20);
        w.Open($"{modifiers} IReadOnlyList<KeyValuePair<string, int>> TopWords{n}(string text)");
        w.Line("return text");
        w.Line("    .Split([' ', '\\t', '\\n', '\\r', '.', ','], StringSplitOptions.RemoveEmptyEntries)");
        w.Line("    .Select(word => word.ToLowerInvariant())");
        w.Line($"    .Where(word => word.Length > {c.Pick(2, 3, 4)})");
        w.Line("    .GroupBy(word => word)");
        w.Line("    .Select(group => new KeyValuePair<string, int>(group.Key, group.Count()))");
        w.Line("    .OrderByDescending(pair => pair.Value)");
        w.Line("    .ThenBy(pair => pair.Key, StringComparer.Ordinal)");
        w.Line($"    .Take({top})");
        w.Line("    .ToList();");
        w.Close();
    }

    private static void MovingAverage(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} double[] MovingAverage{n}(IReadOnlyList<double> samples, int window)");
        w.Line("var result = new double[samples.Count];");
        w.Line("var sum = 0.0;");
        w.Open("for (var i = 0; i < samples.Count; i++)");
        w.Line("sum += samples[i];");
        w.Open("if (i >= window)");
        w.Line("sum -= samples[i - window];");
        w.Close();
        w.Blank();
        w.Line("result[i] = sum / Math.Min(i + 1, window);");
        w.Close();
        w.Blank();
        w.Line("return result;");
        w.Close();
    }

    private static void Clamp(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} TimeSpan Backoff{n}(int attempt)");
        w.Line($"var baseDelay = TimeSpan.FromMilliseconds({c.Pick(50, 100, 200, 250)});");
        w.Line($"var max = TimeSpan.FromSeconds({c.Pick(5, 10, 30, 60)});");
        w.Line("var factor = Math.Pow(2, Math.Clamp(attempt, 0, 16));");
        w.Line("var delay = TimeSpan.FromMilliseconds(baseDelay.TotalMilliseconds * factor);");
        w.Line("return delay > max ? max : delay;");
        w.Close();
    }

    private static void MergeSorted(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} List<int> MergeSorted{n}(IReadOnlyList<int> left, IReadOnlyList<int> right)");
        w.Line("var merged = new List<int>(left.Count + right.Count);");
        w.Line("int i = 0, j = 0;");
        w.Open("while (i < left.Count && j < right.Count)");
        w.Line("merged.Add(left[i] <= right[j] ? left[i++] : right[j++]);");
        w.Close();
        w.Blank();
        w.Line("merged.AddRange(left.Skip(i));");
        w.Line("merged.AddRange(right.Skip(j));");
        w.Line("return merged;");
        w.Close();
    }
}
