using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// A settings class and a reader for an INI-like text format: sections, comments, typed getters with defaults,
/// environment-variable overrides and error reporting with line numbers.
/// </summary>
internal static class ConfigurationShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var settings = $"{noun}Settings{c.Suffix}";
        var name = $"{noun}SettingsReader{c.Suffix}";
        var prefix = noun.ToUpperInvariant() + "_";

        w.Open($"public sealed class {settings}");
        w.Line($"public string ConnectionName {{ get; set; }} = \"{noun.ToLowerInvariant()}-default\";");
        w.Line($"public int MaxItems {{ get; set; }} = {c.Pick(10, 100, 500, 1000)};");
        w.Line($"public TimeSpan Timeout {{ get; set; }} = TimeSpan.FromSeconds({c.Pick(5, 15, 30, 120)});");
        w.Line($"public bool Enabled {{ get; set; }} = {c.Pick("true", "false")};");
        w.Line("public IList<string> AllowedOrigins { get; } = new List<string>();");
        w.Close();
        w.Blank();
        w.Line("/// <summary>Reads settings from \"[section]\" / \"key = value\" text; environment variables override files.</summary>");
        w.Open($"public sealed class {name}");
        w.Line("private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);");
        w.Line("private readonly List<string> _errors = new();");
        w.Blank();
        w.Line("public IReadOnlyList<string> Errors => _errors;");
        w.Blank();
        w.Open("public void Load(TextReader reader)");
        w.Line("var section = string.Empty;");
        w.Line("var lineNumber = 0;");
        w.Open("while (reader.ReadLine() is { } raw)");
        w.Line("lineNumber++;");
        w.Line("var line = raw.Trim();");
        w.Open($"if (line.Length == 0 || line.StartsWith('{c.Pick('#', ';')}'))");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Open("if (line is ['[', .., ']'])");
        w.Line("section = line[1..^1].Trim();");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("var equals = line.IndexOf('=');");
        w.Open("if (equals < 1)");
        w.Line("_errors.Add($\"line {lineNumber}: expected key = value\");");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("var key = line[..equals].Trim();");
        w.Line("_values[section.Length == 0 ? key : section + \":\" + key] = line[(equals + 1)..].Trim();");
        w.Close();
        w.Close();
        w.Blank();
        w.Open("public string? GetString(string key)");
        w.Line($"var fromEnvironment = Environment.GetEnvironmentVariable(\"{prefix}\" + key.Replace(':', '_').ToUpperInvariant());");
        w.Line("return fromEnvironment ?? (_values.TryGetValue(key, out var value) ? value : null);");
        w.Close();
        w.Blank();
        w.Open("public int GetInt32(string key, int defaultValue)");
        w.Line("var text = GetString(key);");
        w.Open("if (text is null)");
        w.Line("return defaultValue;");
        w.Close();
        w.Blank();
        w.Open("if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))");
        w.Line("return value;");
        w.Close();
        w.Blank();
        w.Line("_errors.Add($\"{key}: '{text}' is not an integer\");");
        w.Line("return defaultValue;");
        w.Close();
        w.Blank();
        w.Line("public bool GetBoolean(string key, bool defaultValue) => GetString(key)?.ToLowerInvariant() switch");
        w.Line("{");
        w.Line("    \"true\" or \"yes\" or \"on\" or \"1\" => true,");
        w.Line("    \"false\" or \"no\" or \"off\" or \"0\" => false,");
        w.Line("    _ => defaultValue,");
        w.Line("};");
        w.Blank();
        w.Open($"public {settings} Bind(string section)");
        w.Line($"var settings = new {settings}();");
        w.Line("settings.ConnectionName = GetString(section + \":ConnectionName\") ?? settings.ConnectionName;");
        w.Line("settings.MaxItems = GetInt32(section + \":MaxItems\", settings.MaxItems);");
        w.Line("settings.Enabled = GetBoolean(section + \":Enabled\", settings.Enabled);");
        w.Open("if (GetString(section + \":TimeoutSeconds\") is { } seconds && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))");
        w.Line("settings.Timeout = TimeSpan.FromSeconds(value);");
        w.Close();
        w.Blank();
        w.Open("foreach (var origin in (GetString(section + \":AllowedOrigins\") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))");
        w.Line("settings.AllowedOrigins.Add(origin);");
        w.Close();
        w.Blank();
        w.Line("return settings;");
        w.Close();
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "internal static");
        w.Close();
        return name;
    }
}
