using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>String parsing and formatting helpers.</summary>
internal static partial class HelperMembers
{
    private static void ParseKeyValuePairs(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var separator = c.Pick(';', ',', '&');
        w.Line($"/// <summary>Parses \"key=value{separator}key=value\" into a dictionary; later keys win.</summary>");
        w.Open($"{modifiers} Dictionary<string, string> ParsePairs{n}(string? text)");
        w.Line("var result = new Dictionary<string, string>(StringComparer." + c.Pick("OrdinalIgnoreCase", "Ordinal") + ");");
        w.Open("if (string.IsNullOrWhiteSpace(text))");
        w.Line("return result;");
        w.Close();
        w.Blank();
        w.Open($"foreach (var part in text.Split('{separator}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))");
        w.Line("var equals = part.IndexOf('=');");
        w.Open("if (equals <= 0)");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("result[part[..equals].Trim()] = part[(equals + 1)..].Trim();");
        w.Close();
        w.Blank();
        w.Line("return result;");
        w.Close();
    }

    private static void FormatTable(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} string FormatTable{n}(IReadOnlyList<string[]> rows)");
        w.Open("if (rows.Count == 0)");
        w.Line("return string.Empty;");
        w.Close();
        w.Blank();
        w.Line("var widths = new int[rows.Max(r => r.Length)];");
        w.Open("foreach (var row in rows)");
        w.Open("for (var i = 0; i < row.Length; i++)");
        w.Line("widths[i] = Math.Max(widths[i], row[i].Length);");
        w.Close();
        w.Close();
        w.Blank();
        w.Line("var builder = new StringBuilder();");
        w.Open("foreach (var row in rows)");
        w.Line($"builder.AppendJoin(\"{c.Pick(" | ", "  ", "\\t")}\", row.Select((cell, i) => cell.PadRight(widths[i])));");
        w.Line("builder.AppendLine();");
        w.Close();
        w.Blank();
        w.Line("return builder.ToString();");
        w.Close();
    }

    private static void Slugify(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var dash = c.Pick('-', '_');
        w.Open($"{modifiers} string ToSlug{n}(string title)");
        w.Line("var builder = new StringBuilder(title.Length);");
        w.Line("var pendingSeparator = false;");
        w.Open("foreach (var ch in title.Trim().ToLowerInvariant())");
        w.Open("if (char.IsLetterOrDigit(ch))");
        w.Open("if (pendingSeparator && builder.Length > 0)");
        w.Line($"builder.Append('{dash}');");
        w.Close();
        w.Blank();
        w.Line("builder.Append(ch);");
        w.Line("pendingSeparator = false;");
        w.Close();
        w.Open("else");
        w.Line("pendingSeparator = true;");
        w.Close();
        w.Close();
        w.Blank();
        w.Line($"return builder.Length > {c.Pick(40, 64, 80)} ? builder.ToString(0, {c.Pick(40, 64, 80)}) : builder.ToString();");
        w.Close();
    }

    private static void TryParseDuration(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Line("/// <summary>Parses \"250ms\", \"30s\", \"5m\" or \"2h\".</summary>");
        w.Open($"{modifiers} bool TryParseDuration{n}(string? text, out TimeSpan duration)");
        w.Line("duration = TimeSpan.Zero;");
        w.Open("if (string.IsNullOrWhiteSpace(text))");
        w.Line("return false;");
        w.Close();
        w.Blank();
        w.Line("text = text.Trim();");
        w.Line("var unitStart = text.Length;");
        w.Open("while (unitStart > 0 && char.IsLetter(text[unitStart - 1]))");
        w.Line("unitStart--;");
        w.Close();
        w.Blank();
        w.Open("if (!double.TryParse(text.AsSpan(0, unitStart), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))");
        w.Line("return false;");
        w.Close();
        w.Blank();
        w.Line("TimeSpan? parsed = text[unitStart..] switch");
        w.Line("{");
        w.Line("    \"ms\" => TimeSpan.FromMilliseconds(value),");
        w.Line("    \"s\" or \"\" => TimeSpan.FromSeconds(value),");
        w.Line("    \"m\" => TimeSpan.FromMinutes(value),");
        w.Line("    \"h\" => TimeSpan.FromHours(value),");
        w.Line("    _ => null,");
        w.Line("};");
        w.Line("duration = parsed ?? TimeSpan.Zero;");
        w.Line("return parsed.HasValue;");
        w.Close();
    }

    private static void Truncate(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var ellipsis = c.Pick("...", "…", " [more]");
        w.Open($"{modifiers} string Truncate{n}(string value, int maxLength)");
        w.Line("ArgumentOutOfRangeException.ThrowIfNegative(maxLength);");
        w.Line($"return value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, Math.Max(0, maxLength - {ellipsis.Length})), \"{ellipsis}\");");
        w.Close();
    }

    private static void SplitCsvLine(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        var delimiter = c.Pick(',', ';', '|');
        w.Open($"{modifiers} List<string> SplitRecord{n}(string line)");
        w.Line("var fields = new List<string>();");
        w.Line("var current = new StringBuilder();");
        w.Line("var quoted = false;");
        w.Open("for (var i = 0; i < line.Length; i++)");
        w.Line("var ch = line[i];");
        w.Open("if (quoted)");
        w.Open("if (ch == '\"' && i + 1 < line.Length && line[i + 1] == '\"')");
        w.Line("current.Append('\"');");
        w.Line("i++;");
        w.Close();
        w.Open("else if (ch == '\"')");
        w.Line("quoted = false;");
        w.Close();
        w.Open("else");
        w.Line("current.Append(ch);");
        w.Close();
        w.Close();
        w.Open($"else if (ch == '{delimiter}')");
        w.Line("fields.Add(current.ToString());");
        w.Line("current.Clear();");
        w.Close();
        w.Open("else if (ch == '\"')");
        w.Line("quoted = true;");
        w.Close();
        w.Open("else");
        w.Line("current.Append(ch);");
        w.Close();
        w.Close();
        w.Blank();
        w.Line("fields.Add(current.ToString());");
        w.Line("return fields;");
        w.Close();
    }

    private static void IsValidEmail(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} bool LooksLikeEmail{n}(string? candidate)");
        w.Open("if (string.IsNullOrEmpty(candidate) || candidate.Length > 254)");
        w.Line("return false;");
        w.Close();
        w.Blank();
        w.Line("var at = candidate.LastIndexOf('@');");
        w.Line("return at > 0 && at < candidate.Length - 3 && candidate.IndexOf('.', at) > at + 1 && !candidate.Contains(' ');");
        w.Close();
    }

    private static void Pluralize(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} string Describe{n}(int count, string noun)");
        w.Line("return count switch");
        w.Line("{");
        w.Line($"    0 => \"{c.Pick("no", "zero")} \" + noun + \"s\",");
        w.Line("    1 => \"one \" + noun,");
        w.Line("    < 0 => throw new ArgumentOutOfRangeException(nameof(count)),");
        w.Line("    _ when noun.EndsWith('y') => $\"{count} {noun[..^1]}ies\",");
        w.Line("    _ => $\"{count} {noun}s\",");
        w.Line("};");
        w.Close();
    }

    private static void ParseVersion(ShapeContext c, string modifiers, int n)
    {
        var w = c.Writer;
        w.Open($"{modifiers} (int Major, int Minor, int Patch)? ParseVersion{n}(string text)");
        w.Line("var core = text.Split('-', 2)[0].TrimStart('v', 'V');");
        w.Line("var parts = core.Split('.');");
        w.Open("if (parts.Length is < 1 or > 3)");
        w.Line("return null;");
        w.Close();
        w.Blank();
        w.Line("var numbers = new int[3];");
        w.Open("for (var i = 0; i < parts.Length; i++)");
        w.Open("if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))");
        w.Line("return null;");
        w.Close();
        w.Close();
        w.Blank();
        w.Line("return (numbers[0], numbers[1], numbers[2]);");
        w.Close();
    }
}
