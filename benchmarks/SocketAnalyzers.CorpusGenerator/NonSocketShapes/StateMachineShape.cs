using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.NonSocketShapes;

/// <summary>
/// A small workflow state machine: state and trigger enums, a transition table as a switch expression on a tuple,
/// an event raised on each change, a bounded history, then helpers.
/// </summary>
internal static class StateMachineShape
{
    private static readonly string[][] StateSets =
    [
        ["Idle", "Running", "Paused", "Stopped"],
        ["Created", "Queued", "Processing", "Done", "Failed"],
        ["Open", "InReview", "Approved", "Closed"],
    ];

    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var noun = c.Names.Noun();
        var states = c.Pick(StateSets);
        var state = $"{noun}State{c.Suffix}";
        var trigger = $"{noun}Trigger{c.Suffix}";
        var args = $"{noun}StateChangedEventArgs{c.Suffix}";
        var name = $"{noun}Workflow{c.Suffix}";

        w.Line($"public enum {state} {{ {string.Join(", ", states)} }}");
        w.Blank();
        w.Line($"public enum {trigger} {{ Start, Advance, Hold, Cancel }}");
        w.Blank();
        w.Line($"public sealed class {args}({state} from, {state} to) : EventArgs");
        w.Line("{");
        w.Line($"    public {state} From {{ get; }} = from;");
        w.Blank();
        w.Line($"    public {state} To {{ get; }} = to;");
        w.Line("}");
        w.Blank();
        w.Line($"/// <summary>Moves a {noun.ToLowerInvariant()} through its lifecycle; invalid triggers are rejected.</summary>");
        w.Open($"public sealed class {name}");
        w.Line($"private readonly Queue<({state} State, DateTimeOffset At)> _history = new();");
        w.Blank();
        w.Line($"public event EventHandler<{args}>? StateChanged;");
        w.Blank();
        w.Line($"public {state} Current {{ get; private set; }} = {state}.{states[0]};");
        w.Blank();
        w.Line($"public IEnumerable<({state} State, DateTimeOffset At)> History => _history;");
        w.Blank();
        w.Line($"public bool CanFire({trigger} trigger) => Next(Current, trigger) is not null;");
        w.Blank();
        w.Open($"public void Fire({trigger} trigger)");
        w.Line("var next = Next(Current, trigger) ?? throw new InvalidOperationException($\"{trigger} is not allowed in state {Current}.\");");
        w.Line("var previous = Current;");
        w.Line("Current = next;");
        w.Line("_history.Enqueue((next, DateTimeOffset.UtcNow));");
        w.Open($"while (_history.Count > {c.Pick(16, 32, 100)})");
        w.Line("_history.Dequeue();");
        w.Close();
        w.Blank();
        w.Line($"StateChanged?.Invoke(this, new {args}(previous, next));");
        w.Close();
        w.Blank();
        w.Line($"private static {state}? Next({state} current, {trigger} trigger) => (current, trigger) switch");
        w.Line("{");
        w.Line($"    ({state}.{states[0]}, {trigger}.Start) => {state}.{states[1]},");
        for (var i = 1; i < states.Length - 1; i++)
        {
            w.Line($"    ({state}.{states[i]}, {trigger}.Advance) => {state}.{states[i + 1]},");
        }

        w.Line($"    ({state}.{states[1]}, {trigger}.Hold) => {state}.{states[0]},");
        w.Line($"    (not {state}.{states[^1]}, {trigger}.Cancel) => {state}.{states[^1]},");
        w.Line("    _ => null,");
        w.Line("};");
        w.Blank();
        HelperMembers.FillTo(c, c.LineBudget, "public static");
        w.Close();
        return name;
    }
}
