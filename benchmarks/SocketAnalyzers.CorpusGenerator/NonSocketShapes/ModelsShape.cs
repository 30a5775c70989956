using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Data-transfer types of a domain area: positional records, records with init properties, a class with validation
/// in its setters, an enum, and a static mapper between them, repeated until the file reaches its budget.
/// </summary>
internal static class ModelsShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var main = $"{noun}Dto{c.Suffix}";
        var status = $"{noun}Status{c.Suffix}";
        w.Line($"/// <summary>Lifecycle of a {noun.ToLowerInvariant()}.</summary>");
        w.Open($"public enum {status}");
        var values = c.Pick(new[] { "Draft", "Submitted", "Approved", "Rejected" }, new[] { "New", "Active", "Suspended", "Closed" }, new[] { "Pending", "Processing", "Completed", "Failed", "Cancelled" });
        foreach (var value in values)
        {
            w.Line(value + ",");
        }

        w.Close();
        w.Blank();
        w.Line($"public sealed record {main}(Guid Id, string Name, decimal Amount, DateTimeOffset CreatedAt, {status} Status)");
        w.Line("{");
        w.Line("    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();");
        w.Blank();
        w.Line("    public string? Notes { get; init; }");
        w.Line("}");
        w.Blank();

        var used = new HashSet<string>(System.StringComparer.Ordinal) { main };
        var part = 0;
        while (w.LineCount < c.LineBudget * 3 / 4 && part < 40)
        {
            part++;
            var other = $"{c.Names.Noun()}{c.Pick("Summary", "Request", "Response", "Snapshot", "Line", "Info")}{c.Suffix}";
            if (!used.Add(other))
            {
                other += "V" + part;
                used.Add(other);
            }

            switch (c.Next(0, 3))
            {
                case 0:
                    w.Line($"public sealed record {other}(string Code, int Quantity, decimal UnitPrice)");
                    w.Line("{");
                    w.Line("    public decimal Total => Quantity * UnitPrice;");
                    w.Line("}");
                    break;
                case 1:
                    w.Open($"public sealed class {other}");
                    w.Line("private string _displayName = string.Empty;");
                    w.Blank();
                    w.Line("public int Id { get; set; }");
                    w.Blank();
                    w.Open("public string DisplayName");
                    w.Line("get => _displayName;");
                    w.Line("set => _displayName = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(\"A name is required.\", nameof(value)) : value.Trim();");
                    w.Close();
                    w.Blank();
                    w.Line($"public {status} Status {{ get; set; }} = {status}.{values[0]};");
                    w.Blank();
                    w.Line("public DateTime? UpdatedUtc { get; set; }");
                    w.Blank();
                    w.Line("public override string ToString() => $\"{Id}: {DisplayName} ({Status})\";");
                    w.Close();
                    break;
                default:
                    w.Open($"public readonly record struct {other}(long Sequence, DateTime TimestampUtc, double Value)");
                    w.Line("public bool IsStale(DateTime nowUtc, TimeSpan maxAge) => nowUtc - TimestampUtc > maxAge;");
                    w.Blank();
                    w.Line($"public {other} WithValue(double value) => this with {{ Value = value }};");
                    w.Close();
                    break;
            }

            w.Blank();
        }

        w.Line($"public static class {noun}Mapping{c.Suffix}");
        w.Line("{");
        w.Indent();
        w.Line($"public static {main} WithStatus(this {main} dto, {status} status) => dto with {{ Status = status }};");
        w.Blank();
        w.Line($"public static string Describe({main} dto) => dto.Status switch");
        w.Line("{");
        w.Line($"    _ when dto.Amount < 0 => $\"{{dto.Name}}: credit of {{-dto.Amount:C}}\",");
        w.Line($"    _ => $\"{{dto.Name}}: {{dto.Amount:N2}} ({{dto.Status}})\",");
        w.Line("};");
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return main;
    }
}
