using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Package.Tests
{
    /// <summary>
    /// Every command the user guides give (docs/ci.md, docs/dotnet-format.md, the package README), word for word:
    /// the tests run these strings, and <see cref="GuideCommandTests"/> checks that every command line in those guides
    /// is one of them, so a guide cannot show a command no test runs.
    /// </summary>
    internal static class GuideCommands
    {
        /// <summary>The fixture runs it with <c>--version</c> of the package under test appended.</summary>
        public const string Install = "dotnet add package SocketAnalyzers";

        public const string Build = "dotnet build";

        public const string WarningsAsErrorsForSelectedRules = "dotnet build -warnaserror:SOCK101,SOCK109";

        public const string SarifLog = "dotnet build -p:ErrorLog=socketanalyzers.sarif%2Cversion=2.1";

        /// <summary>The tests run the tool's own entry point from an npm cache instead of npx (same package and version).</summary>
        public const string Multitool = "npx --yes @microsoft/sarif-multitool@5.7.0";

        public const string RelativeUris = Multitool + " rebaseuri socketanalyzers.sarif --base-path-value \"$PWD/\" --base-path-token SRCROOT --output-directory sarif --log ForceOverwrite";

        public const string Validate = Multitool + " validate sarif/socketanalyzers-rebased.sarif --rule-kind Gh";

        public const string FormatEveryFixableRule = "dotnet format analyzers --diagnostics SOCK103 SOCK108 SOCK109 SOCK201 SOCK202 SOCK203 SOCK204 SOCK205 SOCK301 SOCK302 SOCK401 --severity info";

        public const string FormatOneRule = "dotnet format analyzers --diagnostics SOCK109";

        public static IReadOnlyList<string> All { get; } = new[]
        {
            Install, Build, WarningsAsErrorsForSelectedRules, SarifLog, RelativeUris, Validate, FormatEveryFixableRule, FormatOneRule,
        };

        /// <summary>The arguments after <c>dotnet</c> or after the npx prefix, split at spaces (no guide command quotes a space).</summary>
        public static string[] Arguments(string command, string prefix) =>
            command.StartsWith(prefix + " ", StringComparison.Ordinal)
                ? command.Substring(prefix.Length + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Trim('"')).ToArray()
                : throw new ArgumentException($"'{command}' does not start with '{prefix}'.", nameof(command));
    }
}
