using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// The SARIF Multitool from npm (@microsoft/sarif-multitool, the package docs/ci.md runs with npx), installed once
    /// per machine into a cache folder (~/.cache/SocketAnalyzers.Package.Tests/sarif-multitool-&lt;version&gt;, about
    /// 100 MB; a few seconds from the registry) and run through its own entry point, bin.js, with node.
    /// </summary>
    public static class SarifMultitool
    {
        public const string Version = "5.7.0";

        private static readonly object Gate = new();

        public static CommandResult Run(string workingDirectory, params string[] arguments)
        {
            var entry = EnsureInstalled();
            return Process(workingDirectory, "node", new[] { entry }.Concat(arguments));
        }

        private static string EnsureInstalled()
        {
            lock (Gate)
            {
                var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
                var prefix = Path.Combine(cache, "SocketAnalyzers.Package.Tests", "sarif-multitool-" + Version);
                var entry = Path.Combine(prefix, "node_modules", "@microsoft", "sarif-multitool", "bin.js");
                if (!File.Exists(entry))
                {
                    Directory.CreateDirectory(prefix);
                    var install = Process(prefix, "npm", new[] { "install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel", "error", "@microsoft/sarif-multitool@" + Version });
                    if (!install.Succeeded || !File.Exists(entry))
                    {
                        throw new InvalidOperationException("Installing the SARIF Multitool from npm failed (node and npm are needed):\n" + install);
                    }
                }

                // npm may refuse the platform package's postinstall script (chmod u+x): make the binary executable here.
                var binary = Path.Combine(prefix, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
                if (OperatingSystem.IsLinux() && File.Exists(binary))
                {
                    File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute);
                }

                return entry;
            }
        }

        private static CommandResult Process(string directory, string file, System.Collections.Generic.IEnumerable<string> arguments)
        {
            var startInfo = new ProcessStartInfo(file)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new System.Diagnostics.Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)DotNetCli.DefaultTimeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"'{file} {string.Join(' ', startInfo.ArgumentList)}' did not finish in time:\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return new CommandResult(file + " " + CommandResult.Describe(startInfo.ArgumentList), process.ExitCode, output.ToString(), stopwatch.Elapsed);
            }
        }
    }
}
