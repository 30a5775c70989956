using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// The parts of a SARIF 2.1 log (one run, as the C# compiler writes it) that CI tools read: rule metadata and
    /// results with locations. Read with System.Text.Json; absent optional values take SARIF's defaults.
    /// <see cref="ToolVersion"/> is the compiler's <c>semanticVersion</c>, e.g. 4.14.0.
    /// </summary>
    public sealed record SarifLog(
        string Version,
        string ToolName,
        string? ToolVersion,
        IReadOnlyList<SarifRule> Rules,
        IReadOnlyList<SarifResult> Results)
    {
        public static SarifLog Load(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var runs = root.GetProperty("runs");
            if (runs.GetArrayLength() != 1)
            {
                throw new InvalidDataException($"Expected one run in {path}, found {runs.GetArrayLength()}.");
            }

            var run = runs[0];
            var driver = run.GetProperty("tool").GetProperty("driver");
            var rules = new List<SarifRule>();
            if (driver.TryGetProperty("rules", out var ruleArray))
            {
                foreach (var rule in ruleArray.EnumerateArray())
                {
                    rules.Add(ReadRule(rule));
                }
            }

            var results = new List<SarifResult>();
            if (run.TryGetProperty("results", out var resultArray))
            {
                foreach (var result in resultArray.EnumerateArray())
                {
                    results.Add(ReadResult(result));
                }
            }

            return new SarifLog(
                root.GetProperty("version").GetString()!,
                driver.GetProperty("name").GetString()!,
                String(driver, "semanticVersion"),
                rules,
                results);
        }

        private static SarifRule ReadRule(JsonElement rule)
        {
            var level = "warning";
            var enabled = true;
            if (rule.TryGetProperty("defaultConfiguration", out var configuration))
            {
                level = String(configuration, "level") ?? level;
                enabled = !configuration.TryGetProperty("enabled", out var e) || e.GetBoolean();
            }

            string? category = null;
            var tags = new List<string>();
            if (rule.TryGetProperty("properties", out var properties))
            {
                category = String(properties, "category");
                if (properties.TryGetProperty("tags", out var tagArray))
                {
                    foreach (var tag in tagArray.EnumerateArray())
                    {
                        tags.Add(tag.GetString()!);
                    }
                }
            }

            return new SarifRule(
                rule.GetProperty("id").GetString()!,
                Text(rule, "shortDescription"),
                Text(rule, "fullDescription"),
                String(rule, "helpUri"),
                category,
                level,
                enabled,
                tags);
        }

        private static SarifResult ReadResult(JsonElement result)
        {
            var locations = new List<SarifLocation>();
            if (result.TryGetProperty("locations", out var locationArray))
            {
                foreach (var location in locationArray.EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    var region = physical.GetProperty("region");
                    locations.Add(new SarifLocation(
                        new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!),
                        region.GetProperty("startLine").GetInt32(),
                        region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1));
                }
            }

            return new SarifResult(
                result.GetProperty("ruleId").GetString()!,
                String(result, "level") ?? "warning",
                Text(result, "message") ?? string.Empty,
                locations);
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var message) ? String(message, "text") : null;
    }
}
