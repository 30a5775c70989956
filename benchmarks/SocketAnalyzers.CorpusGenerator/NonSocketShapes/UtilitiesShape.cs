using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Generic utilities: an LRU cache, a Result type with Map/Bind, and a guard/extension class grown with helpers.
/// </summary>
internal static class UtilitiesShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var s = c.Suffix;
        var cache = $"LruCache{s}";
        var result = $"Result{s}";
        var name = $"{c.Pick("Common", "Shared", "Core", "Util")}Extensions{s}";

        w.Line("/// <summary>A fixed-capacity cache that evicts the least recently used entry.</summary>");
        w.Open($"public sealed class {cache}<TKey, TValue> where TKey : notnull");
        w.Line("private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _map = new();");
        w.Line("private readonly LinkedList<(TKey Key, TValue Value)> _order = new();");
        w.Line("private readonly int _capacity;");
        w.Blank();
        w.Line($"public {cache}(int capacity) => _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));");
        w.Blank();
        w.Line("public int Count => _map.Count;");
        w.Blank();
        w.Open("public bool TryGet(TKey key, out TValue value)");
        w.Open("if (_map.TryGetValue(key, out var node))");
        w.Line("_order.Remove(node);");
        w.Line("_order.AddFirst(node);");
        w.Line("value = node.Value.Value;");
        w.Line("return true;");
        w.Close();
        w.Blank();
        w.Line("value = default!;");
        w.Line("return false;");
        w.Close();
        w.Blank();
        w.Open("public void Set(TKey key, TValue value)");
        w.Open("if (_map.TryGetValue(key, out var existing))");
        w.Line("_order.Remove(existing);");
        w.Close();
        w.Open("else if (_map.Count >= _capacity && _order.Last is { } last)");
        w.Line("_order.RemoveLast();");
        w.Line("_map.Remove(last.Value.Key);");
        w.Close();
        w.Blank();
        w.Line("_map[key] = _order.AddFirst((key, value));");
        w.Close();
        w.Blank();
        w.Line("public TValue GetOrAdd(TKey key, Func<TKey, TValue> factory)");
        w.Line("{");
        w.Line("    if (TryGet(key, out var value))");
        w.Line("    {");
        w.Line("        return value;");
        w.Line("    }");
        w.Blank();
        w.Line("    value = factory(key);");
        w.Line("    Set(key, value);");
        w.Line("    return value;");
        w.Line("}");
        w.Close();
        w.Blank();
        w.Line("/// <summary>A value or an error message, for code paths where failure is expected.</summary>");
        w.Open($"public readonly record struct {result}<T>(T? Value, string? Error)");
        w.Line("public bool IsSuccess => Error is null;");
        w.Blank();
        w.Line($"public static {result}<T> Ok(T value) => new(value, null);");
        w.Blank();
        w.Line($"public static {result}<T> Fail(string error) => new(default, error);");
        w.Blank();
        w.Line($"public {result}<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? {result}<TOut>.Ok(map(Value!)) : {result}<TOut>.Fail(Error!);");
        w.Blank();
        w.Line($"public {result}<TOut> Bind<TOut>(Func<T, {result}<TOut>> bind) => IsSuccess ? bind(Value!) : {result}<TOut>.Fail(Error!);");
        w.Blank();
        w.Line("public T GetValueOrDefault(T fallback) => IsSuccess && Value is not null ? Value : fallback;");
        w.Close();
        w.Blank();
        w.Open($"public static class {name}");
        w.Line("public static T NotNull<T>(this T? value, string name) where T : class => value ?? throw new ArgumentNullException(name);");
        w.Blank();
        w.Line("public static bool IsBetween<T>(this T value, T low, T high) where T : IComparable<T> => value.CompareTo(low) >= 0 && value.CompareTo(high) <= 0;");
        w.Blank();
        w.Open("public static IEnumerable<T> WhereNotNull<T>(this IEnumerable<T?> source) where T : class");
        w.Open("foreach (var item in source)");
        w.Open("if (item is not null)");
        w.Line("yield return item;");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }
}
