using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// Socket shapes call <see cref="Begin"/> before each socket method they write: when the schedule says so, a method
/// holding a seeded mistake goes in first, so mistakes sit among the correct code of the same class.
/// </summary>
internal static class SocketMethod
{
    public static void Begin(ShapeContext context)
    {
        if (context.Mistakes.NextMethod() is { } ruleId)
        {
            MistakeWriter.Write(context, ruleId);
        }
    }
}
