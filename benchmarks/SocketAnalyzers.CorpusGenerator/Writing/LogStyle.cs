using System;

namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>
/// How one generated type logs: real code bases differ here, and the analyzers must see calls that are not socket
/// calls interleaved with socket calls.
/// </summary>
internal sealed class LogStyle
{
    private readonly int kind;

    public LogStyle(Random random) => this.kind = random.Next(4);

    /// <summary>Usings the style needs beyond the common set.</summary>
    public string? Using => this.kind switch
    {
        1 => "System.Diagnostics",
        2 => "System.Diagnostics",
        _ => null,
    };

    /// <summary>A member declaration the style needs (static, so static and instance methods can log), or null.</summary>
    public string? Member => this.kind == 3 ? "internal static Action<string>? LogSink { get; set; }" : null;

    /// <summary>A statement logging the interpolated-string expression <paramref name="message"/>.</summary>
    public string Call(string message) => this.kind switch
    {
        0 => $"Console.WriteLine({message});",
        1 => $"Trace.TraceInformation({message});",
        2 => $"Debug.WriteLine({message});",
        _ => $"LogSink?.Invoke({message});",
    };
}
