using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>Writes a file's usings and namespace (file-scoped or block, as real solutions mix them) around a body.</summary>
internal static class FileLayout
{
    public static string Write(ShapeContext context, string namespaceName, IEnumerable<string> usings, Func<ShapeContext, string> body)
    {
        var writer = context.Writer;
        var all = usings.Concat(context.Log.Using is { } extra ? [extra] : []).Distinct(StringComparer.Ordinal)
            .OrderBy(u => u.StartsWith("System", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(u => u, StringComparer.Ordinal);
        foreach (var name in all)
        {
            writer.Line($"using {name};");
        }

        writer.Blank();
        var fileScoped = context.Chance(0.6);
        if (fileScoped)
        {
            writer.Line($"namespace {namespaceName};");
            writer.Blank();
            return body(context);
        }

        writer.Open($"namespace {namespaceName}");
        var typeName = body(context);
        writer.Close();
        return typeName;
    }
}
