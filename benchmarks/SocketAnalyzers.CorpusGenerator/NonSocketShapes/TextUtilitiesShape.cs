using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>A static class of text and collection helpers, the catch-all file every solution has.</summary>
internal static class TextUtilitiesShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.Noun()}{c.Pick("Text", "Format", "Parsing", "Helpers")}{c.Suffix}";
        w.Line("/// <summary>Parsing and formatting helpers shared by the module.</summary>");
        w.Open($"{c.Pick("public", "internal")} static class {name}");
        HelperMembers.FillTo(c, c.LineBudget, c.Pick("public static", "internal static"));
        w.Close();
        return name;
    }
}
