using System.Collections.Generic;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// Writes one method (or nested type) holding one of the mistakes our rules catch, in the shape it takes in real
/// code. Each writer produces that rule's diagnostic and no other, so a run over the corpus reports exactly the kinds
/// seeded.
/// </summary>
internal static partial class MistakeWriter
{
    /// <summary>The kinds the generator seeds, by the rule ID that reports them.</summary>
    public static readonly IReadOnlyList<string> RuleIds =
    [
        "SOCK101", "SOCK108", "SOCK110", "SOCK201", "SOCK202", "SOCK203", "SOCK204", "SOCK301", "SOCK302", "SOCK401", "SOCK402",
    ];

    public static void Write(ShapeContext context, string ruleId)
    {
        var number = context.Next(1, 100);
        switch (ruleId)
        {
            case "SOCK101": ListenOnUdp(context, number); break;
            case "SOCK108": OptionAfterBind(context, number); break;
            case "SOCK110": AcceptBeforeStart(context, number); break;
            case "SOCK201": LeakOnEarlyReturn(context, number); break;
            case "SOCK202": UnprotectedFactory(context, number); break;
            case "SOCK203": RejectedConnectionLeak(context, number); break;
            case "SOCK204": FieldNeverDisposed(context, number); break;
            case "SOCK301": BlockingReceiveInAsync(context, number); break;
            case "SOCK302": WaitOnConnectTask(context, number); break;
            case "SOCK401": IgnoredReceiveCount(context, number); break;
            default: ReceiveLoopWithoutZeroCheck(context, number); break;
        }

        context.Writer.Blank();
    }
}
