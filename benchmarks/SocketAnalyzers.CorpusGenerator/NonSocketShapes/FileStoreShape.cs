using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Async file I/O: a JSON-file repository with atomic replace, a line-oriented log reader with Stream and
/// StreamReader, and a copy with progress, all with CancellationToken plumbing; then helpers.
/// </summary>
internal static class FileStoreShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var record = $"{noun}Document{c.Suffix}";
        var name = $"{noun}FileStore{c.Suffix}";
        var ct = c.Names.TokenParameter();

        w.Line($"public sealed record {record}(string Key, string Title, DateTimeOffset SavedAt, Dictionary<string, string> Fields);");
        w.Blank();
        w.Line($"/// <summary>Stores {noun.ToLowerInvariant()} documents as JSON files in one folder.</summary>");
        w.Open($"public sealed class {name}");
        w.Line("private static readonly JsonSerializerOptions Options = new() { WriteIndented = " + c.Pick("true", "false") + " };");
        w.Line("private readonly string _root;");
        w.Blank();
        w.Open($"public {name}(string root)");
        w.Line("_root = Path.GetFullPath(root);");
        w.Line("Directory.CreateDirectory(_root);");
        w.Close();
        w.Blank();
        w.Open($"public async Task SaveAsync({record} document, CancellationToken {ct} = default)");
        w.Line("var target = PathFor(document.Key);");
        w.Line("var temporary = target + \".tmp\";");
        w.Open("await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))");
        w.Line($"await JsonSerializer.SerializeAsync(stream, document, Options, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Blank();
        w.Line("File.Move(temporary, target, overwrite: true);");
        w.Close();
        w.Blank();
        w.Open($"public async Task<{record}?> LoadAsync(string key, CancellationToken {ct} = default)");
        w.Line("var path = PathFor(key);");
        w.Open("if (!File.Exists(path))");
        w.Line("return null;");
        w.Close();
        w.Blank();
        w.Line("await using var stream = File.OpenRead(path);");
        w.Line($"return await JsonSerializer.DeserializeAsync<{record}>(stream, Options, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Blank();
        w.Open($"public async IAsyncEnumerable<string> ReadMatchingLinesAsync(string file, string needle, [EnumeratorCancellation] CancellationToken {ct} = default)");
        w.Line("using var reader = new StreamReader(Path.Combine(_root, file));");
        w.Open($"while (await reader.ReadLineAsync({ct}).ConfigureAwait(false) is {{ }} line)");
        w.Open("if (line.Contains(needle, StringComparison.OrdinalIgnoreCase))");
        w.Line("yield return line;");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();
        w.Open($"public static async Task<long> CopyWithProgressAsync(Stream source, Stream destination, IProgress<long>? progress, CancellationToken {ct})");
        w.Line($"var buffer = new byte[{c.Pick(4096, 16384, 81920)}];");
        w.Line("long total = 0;");
        w.Line("int read;");
        w.Open($"while ((read = await source.ReadAsync(buffer, {ct}).ConfigureAwait(false)) > 0)");
        w.Line($"await destination.WriteAsync(buffer.AsMemory(0, read), {ct}).ConfigureAwait(false);");
        w.Line("total += read;");
        w.Line("progress?.Report(total);");
        w.Close();
        w.Blank();
        w.Line("return total;");
        w.Close();
        w.Blank();
        w.Open("private string PathFor(string key)");
        w.Open("if (key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)");
        w.Line("throw new ArgumentException($\"'{key}' cannot be used as a file name.\", nameof(key));");
        w.Close();
        w.Blank();
        w.Line("return Path.Combine(_root, key + \".json\");");
        w.Close();
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }
}
