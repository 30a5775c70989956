using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// A console project that references the package under test, in its own temporary folder, restored.
    /// Every command runs the real CLI in that folder; see README.md for when to use which.
    /// </summary>
    public sealed class ConsumerProject
    {
        internal ConsumerProject(string directory, string projectFile)
        {
            Directory = directory;
            ProjectFile = projectFile;
        }

        public string Directory { get; }

        public string ProjectFile { get; }

        public string ProgramPath => Path.Combine(Directory, "Program.cs");

        /// <summary>
        /// <c>dotnet build</c> of the whole project, never incremental: the compiler (and so every analyzer) runs each time,
        /// even when only a command-line switch changed. Extra arguments go last (<c>-warnaserror</c>, <c>-p:Name=Value</c>).
        /// </summary>
        public CommandResult Build(params string[] arguments) =>
            Dotnet(new[] { "build", "--no-restore", "--no-incremental", "--disable-build-servers", "-nologo" }.Concat(arguments).ToArray());

        /// <summary><c>dotnet run</c> of the last build (same configuration); arguments after <c>--</c> go to the program.</summary>
        public CommandResult Run(params string[] programArguments) =>
            Dotnet(new[] { "run", "--no-build", "--no-restore", "--" }.Concat(programArguments).ToArray());

        /// <summary><c>dotnet format &lt;arguments&gt; Project.csproj</c>, e.g. <c>Format("analyzers", "--diagnostics", "SOCK301")</c>.</summary>
        public CommandResult Format(params string[] arguments) =>
            Dotnet(new[] { "format" }.Concat(arguments).Append(ProjectFile).ToArray());

        /// <summary><c>dotnet restore</c>: needed again only after a package reference was changed by hand.</summary>
        public CommandResult Restore() => Dotnet("restore", "--disable-build-servers");

        /// <summary>Any other <c>dotnet</c> command, run in the project folder.</summary>
        public CommandResult Dotnet(params string[] arguments) => DotNetCli.Run(Directory, arguments);

        public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

        public void WriteFile(string relativePath, string content)
        {
            var path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        public bool FileExists(string relativePath) => File.Exists(Path.Combine(Directory, relativePath));

        /// <summary>A SARIF log the compiler wrote (see <c>ErrorLog</c>), parsed.</summary>
        public SarifLog ReadSarif(string relativePath) => SarifLog.Load(Path.Combine(Directory, relativePath));

        /// <summary>Throws with the whole output unless the command succeeded: for set-up steps, not for the claim under test.</summary>
        internal static CommandResult EnsureSucceeded(CommandResult result) =>
            result.Succeeded ? result : throw new InvalidOperationException("Set-up command failed:\n" + result);

        public override string ToString() => Directory;
    }
}
