using System;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// Self-contained static helper methods (parameters and BCL types only) that ordinary files grow by until they reach
/// their line budget: text parsing and formatting, numeric summaries, collection utilities, guard clauses. Each
/// writer varies names and details so files differ. <c>modifiers</c> is e.g. "public static"; <c>n</c> keeps the
/// method names of one type distinct.
/// </summary>
internal static partial class HelperMembers
{
    private static readonly Action<ShapeContext, string, int>[] Writers =
    [
        ParseKeyValuePairs, FormatTable, Percentile, Slugify, ChunkList, TryParseDuration, Checksum, Truncate,
        GroupCounts, MovingAverage, SplitCsvLine, IsValidEmail, Clamp, Pluralize, MergeSorted, ParseVersion,
        DescribeValue, TryReadJson, ReadLinesAsync, RetryOnce,
    ];

    /// <summary>Writes helper methods until the writer reaches <paramref name="budget"/> lines (at least one).</summary>
    public static void FillTo(ShapeContext context, int budget, string modifiers)
    {
        var number = 0;
        do
        {
            Writers[context.Next(0, Writers.Length)](context, modifiers, ++number);
            if (context.Writer.LineCount < budget)
            {
                context.Writer.Blank();
            }
        }
        while (context.Writer.LineCount < budget);
    }
}
