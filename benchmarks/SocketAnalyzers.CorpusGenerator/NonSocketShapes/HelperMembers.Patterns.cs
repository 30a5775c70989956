using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>Helpers built on pattern matching, exception handling and async streams.</summary>
internal static partial class HelperMembers
{
    private static void DescribeValue(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} string DescribeValue{n}(object? value)");
        w.Line("return value switch");
        w.Line("{");
        w.Line("    null => \"(null)\",");
        w.Line("    string { Length: 0 } => \"(empty)\",");
        w.Line("    string text => '\"' + text + '\"',");
        w.Line($"    int number when number < 0 => \"minus \" + (-(long)number).ToString(CultureInfo.InvariantCulture),");
        w.Line("    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),");
        w.Line($"    System.Collections.IEnumerable sequence => \"[\" + string.Join(\"{c.Pick(", ", "; ", "|")}\", sequence.Cast<object?>().Select(item => item?.ToString() ?? \"null\")) + \"]\",");
        w.Line("    _ => value.ToString() ?? value.GetType().Name,");
        w.Line("};");
        w.Close();
    }

    private static void TryReadJson(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} bool TryReadSetting{n}(string json, string name, out string? value)");
        w.Line("value = null;");
        w.Open("try");
        w.Line("using var document = JsonDocument.Parse(json);");
        w.Open("if (document.RootElement.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)");
        w.Line("value = property.GetString();");
        w.Line("return true;");
        w.Close();
        w.Blank();
        w.Line("return false;");
        w.Close();
        w.Open("catch (JsonException)");
        w.Line("return false;");
        w.Close();
        w.Close();
    }

    private static void ReadLinesAsync(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"{modifiers} async Task<List<string>> ReadNonEmptyLines{n}Async(Stream source, CancellationToken {ct})");
        w.Line("using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);");
        w.Line("var lines = new List<string>();");
        w.Open($"while (await reader.ReadLineAsync({ct}).ConfigureAwait(false) is {{ }} line)");
        w.Open("if (!string.IsNullOrWhiteSpace(line))");
        w.Line("lines.Add(line.Trim());");
        w.Close();
        w.Close();
        w.Blank();
        w.Line("return lines;");
        w.Close();
    }

    private static void RetryOnce(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} T WithOneRetry{n}<T>(Func<T> action, Action<Exception>? onFailure = null)");
        w.Open("try");
        w.Line("return action();");
        w.Close();
        w.Open($"catch (Exception ex) when (ex is {c.Pick("IOException or TimeoutException", "TimeoutException", "IOException or UnauthorizedAccessException")})");
        w.Line("onFailure?.Invoke(ex);");
        w.Line("return action();");
        w.Close();
        w.Close();
    }
}
