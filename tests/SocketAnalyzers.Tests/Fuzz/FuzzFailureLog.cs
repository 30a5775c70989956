using System;
using System.IO;

namespace SocketAnalyzers.Tests.Fuzz
{
    /// <summary>
    /// Writes a failing case next to the test assembly (<c>fuzz-failures/seed-N.cs</c>, the exact mutated source, and
    /// <c>seed-N.txt</c>, its description and failures), so the input survives a truncated CI log.
    /// </summary>
    internal static class FuzzFailureLog
    {
        public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

        public static string Write(FuzzCase fuzzCase, FuzzOutcome outcome)
        {
            Directory.CreateDirectory(Folder);
            var source = Path.Combine(Folder, $"seed-{fuzzCase.Seed}.cs");
            File.WriteAllText(source, fuzzCase.Text);
            File.WriteAllText(Path.ChangeExtension(source, ".txt"), fuzzCase.Describe() + "\n\n" + string.Join("\n\n", outcome.Failures));
            return source;
        }
    }
}
