using System;
using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>The common frame of a pathological file: usings, a namespace and one class around a body.</summary>
internal static class PathologicalFile
{
    public const string Namespace = "Pathological.Inputs";

    public static GeneratedFile Write(string className, Action<CodeWriter> body)
    {
        var writer = new CodeWriter();
        foreach (var name in new[] { "System", "System.Collections.Generic", "System.IO", "System.Net", "System.Net.Sockets", "System.Threading", "System.Threading.Tasks" })
        {
            writer.Line($"using {name};");
        }

        writer.Blank();
        writer.Line($"namespace {Namespace};");
        writer.Blank();
        writer.Open($"public static class {className}");
        body(writer);
        writer.Close();
        return new GeneratedFile($"Pathological/{className}.cs", writer.ToString());
    }

    /// <summary>One socket operation chosen by <paramref name="pick"/>; all are valid C# on any Socket.</summary>
    public static string SocketStatement(string socket, int pick) => (pick % 10) switch
    {
        0 => $"{socket}.NoDelay = true;",
        1 => $"total += {socket}.Send(buffer);",
        2 => $"total += {socket}.Receive(buffer);",
        3 => $"{socket}.ReceiveTimeout = {100 + pick};",
        4 => $"total += {socket}.Available;",
        5 => $"{socket}.SendTimeout = {200 + pick};",
        6 => $"if ({socket}.Connected) {{ total += {socket}.Send(buffer, 0, 1, SocketFlags.None); }}",
        7 => $"total += {socket}.Receive(buffer, 0, buffer.Length, SocketFlags.None);",
        8 => $"{socket}.Blocking = {(pick % 3 == 0 ? "false" : "true")};",
        _ => $"total += {socket}.Poll(0, SelectMode.SelectRead) ? 1 : 0;",
    };
}
