using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// An interface with an in-memory implementation and a caching decorator, raising events on change: the
/// interface-plus-implementations layout of every layered application; then helpers.
/// </summary>
internal static class RepositoryShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var s = c.Suffix;
        var entity = $"{noun}Record{s}";
        var contract = $"I{noun}Repository{s}";
        var memory = $"InMemory{noun}Repository{s}";
        var cached = $"Cached{noun}Repository{s}";
        var ct = c.Names.TokenParameter();

        w.Line($"public sealed record {entity}(int Id, string Name, DateTime ModifiedUtc);");
        w.Blank();
        w.Open($"public interface {contract}");
        w.Line($"event EventHandler<{entity}>? Changed;");
        w.Blank();
        w.Line($"Task<{entity}?> FindAsync(int id, CancellationToken {ct} = default);");
        w.Blank();
        w.Line($"Task<IReadOnlyList<{entity}>> ListAsync(Func<{entity}, bool>? filter = null, CancellationToken {ct} = default);");
        w.Blank();
        w.Line($"Task UpsertAsync({entity} entity, CancellationToken {ct} = default);");
        w.Close();
        w.Blank();
        w.Open($"public sealed class {memory} : {contract}");
        w.Line($"private readonly ConcurrentDictionary<int, {entity}> _items = new();");
        w.Blank();
        w.Line($"public event EventHandler<{entity}>? Changed;");
        w.Blank();
        w.Line($"public Task<{entity}?> FindAsync(int id, CancellationToken {ct} = default) => Task.FromResult(_items.TryGetValue(id, out var item) ? item : null);");
        w.Blank();
        w.Open($"public Task<IReadOnlyList<{entity}>> ListAsync(Func<{entity}, bool>? filter = null, CancellationToken {ct} = default)");
        w.Line($"IReadOnlyList<{entity}> list = _items.Values.Where(filter ?? (_ => true)).OrderBy(x => x.Id).ToList();");
        w.Line("return Task.FromResult(list);");
        w.Close();
        w.Blank();
        w.Open($"public Task UpsertAsync({entity} entity, CancellationToken {ct} = default)");
        w.Line($"{ct}.ThrowIfCancellationRequested();");
        w.Line("_items[entity.Id] = entity;");
        w.Line("Changed?.Invoke(this, entity);");
        w.Line("return Task.CompletedTask;");
        w.Close();
        w.Close();
        w.Blank();
        w.Open($"public sealed class {cached} : {contract}");
        w.Line($"private readonly {contract} _inner;");
        w.Line($"private readonly ConcurrentDictionary<int, {entity}?> _cache = new();");
        w.Blank();
        w.Open($"public {cached}({contract} inner)");
        w.Line("_inner = inner;");
        w.Line("_inner.Changed += (_, entity) => _cache.TryRemove(entity.Id, out var _);");
        w.Close();
        w.Blank();
        w.Open($"public event EventHandler<{entity}>? Changed");
        w.Line("add => _inner.Changed += value;");
        w.Line("remove => _inner.Changed -= value;");
        w.Close();
        w.Blank();
        w.Open($"public async Task<{entity}?> FindAsync(int id, CancellationToken {ct} = default)");
        w.Open("if (_cache.TryGetValue(id, out var cached))");
        w.Line("return cached;");
        w.Close();
        w.Blank();
        w.Line($"var found = await _inner.FindAsync(id, {ct}).ConfigureAwait(false);");
        w.Line("_cache[id] = found;");
        w.Line("return found;");
        w.Close();
        w.Blank();
        w.Line($"public Task<IReadOnlyList<{entity}>> ListAsync(Func<{entity}, bool>? filter = null, CancellationToken {ct} = default) => _inner.ListAsync(filter, {ct});");
        w.Blank();
        w.Line($"public Task UpsertAsync({entity} entity, CancellationToken {ct} = default) => _inner.UpsertAsync(entity, {ct});");
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "internal static");
        w.Close();
        return memory;
    }
}
