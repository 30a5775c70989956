using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// One diagnostic as MSBuild's console logger prints it: <c>path(line,col): warning ID: message [project]</c>.
    /// Line and column are 0 for a diagnostic without a position (<c>CSC : warning AD0001: ...</c>).
    /// </summary>
    public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        // "origin(line,col): severity ID: message [project]"; tools without a position print "CSC : warning CS8032: ...".
        private static readonly Regex LinePattern = new(
            @"^\s*(?<file>(?:[A-Za-z]:)?[^:(]*?)(?:\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\))?\s*: (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+)\s*: (?<message>.*?)(?: \[[^\]]*\])?\s*$",
            RegexOptions.CultureInvariant);

        /// <summary>The file name without its folder: consumers live in temporary folders.</summary>
        public string FileName => Path.GetFileName(File);

        public static IReadOnlyList<BuildDiagnostic> ParseAll(string output)
        {
            var seen = new HashSet<BuildDiagnostic>();
            var result = new List<BuildDiagnostic>();
            foreach (var line in output.Split('\n'))
            {
                var match = LinePattern.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var diagnostic = new BuildDiagnostic(
                    match.Groups["file"].Value,
                    Number(match.Groups["line"]),
                    Number(match.Groups["column"]),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value);
                if (seen.Add(diagnostic))
                {
                    result.Add(diagnostic);
                }
            }

            return result;
        }

        private static int Number(Group group) =>
            group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}");
    }
}
