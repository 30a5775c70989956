using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Input validation: a request record and a validator that collects errors with pattern matching, guard clauses and
/// a result type, followed by helpers.
/// </summary>
internal static class ValidatorShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var request = $"Create{noun}Request{c.Suffix}";
        var result = $"{noun}ValidationResult{c.Suffix}";
        var name = $"{noun}Validator{c.Suffix}";
        var maxName = c.Pick(50, 64, 100, 128, 200);

        w.Line($"public sealed record {request}(string? Name, string? Email, int Quantity, decimal? Price, DateOnly? StartDate, string[]? Labels);");
        w.Blank();
        w.Open($"public sealed record {result}(IReadOnlyList<string> Errors)");
        w.Line("public bool IsValid => Errors.Count == 0;");
        w.Blank();
        w.Line($"public static {result} Success {{ get; }} = new(Array.Empty<string>());");
        w.Close();
        w.Blank();
        w.Line($"/// <summary>Checks a {noun.ToLowerInvariant()} request before it reaches the domain.</summary>");
        w.Open($"public sealed class {name}");
        w.Line($"public const int MaxNameLength = {maxName};");
        w.Blank();
        w.Line($"public DateOnly Today {{ get; init; }} = DateOnly.FromDateTime(DateTime.UtcNow);");
        w.Blank();
        w.Open($"public {result} Validate({request}? request)");
        w.Open("if (request is null)");
        w.Line($"return new {result}(new[] {{ \"The request body is missing.\" }});");
        w.Close();
        w.Blank();
        w.Line("var errors = new List<string>();");
        w.Line("ValidateName(request.Name, errors);");
        w.Open("if (request.Email is { Length: > 0 } email && !email.Contains('@'))");
        w.Line("errors.Add($\"'{email}' is not an e-mail address.\");");
        w.Close();
        w.Blank();
        w.Line("var quantityError = request.Quantity switch");
        w.Line("{");
        w.Line("    <= 0 => \"Quantity must be positive.\",");
        w.Line($"    > {c.Pick(100, 1000, 10000)} => \"Quantity exceeds the order limit.\",");
        w.Line("    _ => null,");
        w.Line("};");
        w.Open("if (quantityError is not null)");
        w.Line("errors.Add(quantityError);");
        w.Close();
        w.Blank();
        w.Open("if (request.Price is { } price && (price < 0 || decimal.Round(price, 2) != price))");
        w.Line("errors.Add(\"Price must be a non-negative amount with at most two decimals.\");");
        w.Close();
        w.Blank();
        w.Open("if (request.StartDate is { } start && start < Today)");
        w.Line("errors.Add($\"Start date {start:yyyy-MM-dd} is in the past.\");");
        w.Close();
        w.Blank();
        w.Open($"if (request.Labels is {{ Length: > {c.Pick(5, 10, 16)} }})");
        w.Line("errors.Add(\"Too many labels.\");");
        w.Close();
        w.Blank();
        w.Line($"return errors.Count == 0 ? {result}.Success : new {result}(errors);");
        w.Close();
        w.Blank();
        w.Open("private static void ValidateName(string? name, List<string> errors)");
        w.Open("switch (name)");
        w.Line("case null:");
        w.Line("case { Length: 0 }:");
        w.Line("    errors.Add(\"Name is required.\");");
        w.Line("    break;");
        w.Line("case { Length: > MaxNameLength }:");
        w.Line("    errors.Add($\"Name is longer than {MaxNameLength} characters.\");");
        w.Line("    break;");
        w.Line("case { } n when n.Any(char.IsControl):");
        w.Line("    errors.Add(\"Name contains control characters.\");");
        w.Line("    break;");
        w.Close();
        w.Close();
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }
}
