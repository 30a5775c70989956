using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>What one <c>dotnet</c> command did: exit code, merged stdout/stderr, and the diagnostics it printed.</summary>
    public sealed class CommandResult
    {
        private readonly Lazy<IReadOnlyList<BuildDiagnostic>> diagnostics;

        public CommandResult(string commandLine, int exitCode, string output, TimeSpan duration)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            Output = output;
            Duration = duration;
            diagnostics = new Lazy<IReadOnlyList<BuildDiagnostic>>(() => BuildDiagnostic.ParseAll(output));
        }

        public string CommandLine { get; }

        public int ExitCode { get; }

        public string Output { get; }

        public TimeSpan Duration { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>Every distinct <c>file(line,col): severity ID: message</c> line (MSBuild prints each twice).</summary>
        public IReadOnlyList<BuildDiagnostic> Diagnostics => diagnostics.Value;

        public IReadOnlyList<BuildDiagnostic> DiagnosticsWithId(string id) =>
            Diagnostics.Where(d => string.Equals(d.Id, id, StringComparison.Ordinal)).ToList();

        /// <summary>The command and its whole output: the message to attach to a failed assertion.</summary>
        public override string ToString() => $"$ {CommandLine}\n(exit code {ExitCode}, {Duration.TotalSeconds:F1} s)\n{Output}";

        internal static string Describe(IEnumerable<string> arguments) =>
            "dotnet " + string.Join(" ", arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
    }
}
