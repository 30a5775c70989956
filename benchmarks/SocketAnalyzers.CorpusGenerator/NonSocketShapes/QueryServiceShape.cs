using System;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// An application service over an in-memory collection: a record, then LINQ queries (filter, group, page, top-N,
/// lookup, aggregate) picked and varied per file, then ordinary helpers up to the budget.
/// </summary>
internal static class QueryServiceShape
{
    private static readonly Action<ShapeContext, string, int>[] Queries =
    [
        ByStatus, TotalsByMonth, Page, TopBy, Search, TagCounts, Statistics, Latest,
    ];

    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var item = $"{noun}Entry{c.Suffix}";
        var name = $"{noun}{c.Pick("QueryService", "ReportService", "Directory", "Analytics")}{c.Suffix}";

        w.Line($"public sealed record {item}(int Id, string Name, string Category, decimal Amount, DateTime CreatedUtc, bool IsActive, IReadOnlyList<string> Tags);");
        w.Blank();
        w.Line($"/// <summary>Read-side queries over {noun.ToLowerInvariant()} entries.</summary>");
        w.Open($"public sealed class {name}");
        w.Line($"private readonly IReadOnlyList<{item}> _items;");
        w.Blank();
        w.Line($"public {name}(IEnumerable<{item}> items) => _items = items.ToList();");
        w.Blank();
        w.Line("public int Count => _items.Count;");
        w.Blank();
        var count = 0;
        while (w.LineCount < c.LineBudget * 2 / 3 && count < 24)
        {
            Queries[c.Next(0, Queries.Length)](c, item, ++count);
            w.Blank();
        }

        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }

    private static void ByStatus(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public IReadOnlyList<{item}> ActiveIn{n}(string category, decimal minimumAmount = {c.Pick("0m", "10m", "100m")})");
        w.Line("return _items");
        w.Line("    .Where(x => x.IsActive && string.Equals(x.Category, category, StringComparison.OrdinalIgnoreCase))");
        w.Line("    .Where(x => x.Amount >= minimumAmount)");
        w.Line($"    .OrderBy(x => x.{c.Pick("Name", "CreatedUtc", "Id")})");
        w.Line("    .ToList();");
        w.Close();
    }

    private static void TotalsByMonth(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public IReadOnlyDictionary<string, decimal> MonthlyTotals{n}(int year)");
        w.Line("return _items");
        w.Line("    .Where(x => x.CreatedUtc.Year == year)");
        w.Line("    .GroupBy(x => x.CreatedUtc.Month)");
        w.Line("    .OrderBy(g => g.Key)");
        w.Line("    .ToDictionary(g => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(g.Key), g => g.Sum(x => x.Amount));");
        w.Close();
    }

    private static void Page(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public (IReadOnlyList<{item}> Items, int TotalPages) Page{n}(int page, int pageSize = {c.Pick(10, 20, 25, 50)})");
        w.Line("ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);");
        w.Line("var totalPages = (int)Math.Ceiling(_items.Count / (double)pageSize);");
        w.Line("var items = _items.OrderByDescending(x => x.CreatedUtc).Skip((page - 1) * pageSize).Take(pageSize).ToList();");
        w.Line("return (items, totalPages);");
        w.Close();
    }

    private static void TopBy(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public IEnumerable<(string Category, {item} Largest)> LargestPerCategory{n}()");
        w.Open("foreach (var group in _items.GroupBy(x => x.Category, StringComparer.OrdinalIgnoreCase))");
        w.Line("var largest = group.MaxBy(x => x.Amount);");
        w.Open("if (largest is not null)");
        w.Line("yield return (group.Key, largest);");
        w.Close();
        w.Close();
        w.Close();
    }

    private static void Search(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public IReadOnlyList<{item}> Search{n}(string? text, int limit = {c.Pick(10, 25, 100)})");
        w.Open("if (string.IsNullOrWhiteSpace(text))");
        w.Line($"return Array.Empty<{item}>();");
        w.Close();
        w.Blank();
        w.Line("var terms = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);");
        w.Line("return _items");
        w.Line("    .Select(x => (Item: x, Score: terms.Count(t => x.Name.Contains(t, StringComparison.OrdinalIgnoreCase) || x.Tags.Contains(t, StringComparer.OrdinalIgnoreCase))))");
        w.Line("    .Where(x => x.Score > 0)");
        w.Line("    .OrderByDescending(x => x.Score)");
        w.Line("    .ThenBy(x => x.Item.Name, StringComparer.Ordinal)");
        w.Line("    .Take(limit)");
        w.Line("    .Select(x => x.Item)");
        w.Line("    .ToList();");
        w.Close();
    }

    private static void TagCounts(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public ILookup<string, int> IdsByTag{n}()");
        w.Line("return _items");
        w.Line("    .SelectMany(x => x.Tags.Select(tag => (Tag: tag.ToLowerInvariant(), x.Id)))");
        w.Line("    .ToLookup(x => x.Tag, x => x.Id);");
        w.Close();
    }

    private static void Statistics(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public (decimal Min, decimal Max, decimal Average) AmountStatistics{n}(Func<{item}, bool>? filter = null)");
        w.Line("var selected = filter is null ? _items : _items.Where(filter).ToList();");
        w.Open("if (selected.Count == 0)");
        w.Line("return (0m, 0m, 0m);");
        w.Close();
        w.Blank();
        w.Line("return (selected.Min(x => x.Amount), selected.Max(x => x.Amount), selected.Average(x => x.Amount));");
        w.Close();
    }

    private static void Latest(ShapeContext c, string item, int n)
    {
        var w = c.Writer;
        w.Open($"public {item}? LatestActive{n}(DateTime notAfterUtc)");
        w.Line("return _items.Where(x => x.IsActive && x.CreatedUtc <= notAfterUtc).OrderByDescending(x => x.CreatedUtc).FirstOrDefault();");
        w.Close();
    }
}
