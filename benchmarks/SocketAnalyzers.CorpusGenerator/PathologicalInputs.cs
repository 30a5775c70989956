using System.Collections.Generic;
using SocketAnalyzers.CorpusGenerator.Pathological;

namespace SocketAnalyzers.CorpusGenerator;

/// <summary>
/// Extreme but valid inputs, each stressing one dimension of the analysis: statement count, nesting depth, loop depth,
/// file size, switch width, number of tracked objects. All compile with zero errors and all touch sockets.
/// </summary>
public static class PathologicalInputs
{
    public static IReadOnlyList<PathologicalInput> Create() =>
    [
        new("Method5000Statements", "One method of 5,000 statements mixing calls on 20 sockets with branches.", [LongMethodWriter.Write()]),
        new("NestedIfs200", "200 nested if statements with socket operations at several depths.", [NestedIfsWriter.Write()]),
        new("NestedLoops50", "50 nested for/while/foreach/do loops with socket operations inside.", [NestedLoopsWriter.Write()]),
        new("File50000Lines", "One file of about 50,000 lines: many socket and ordinary classes in one namespace.", [LargeFileWriter.Write()]),
        new("Switch2000Cases", "A switch statement of 2,000 cases with socket operations, and a 2,000-arm switch expression.", [WideSwitchWriter.Write()]),
        new("Method500Sockets", "One method creating and using 500 distinct sockets (beyond the engine's tracking budget).", [ManySocketsWriter.Write()]),
    ];
}
