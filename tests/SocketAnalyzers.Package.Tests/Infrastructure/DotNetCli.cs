using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace SocketAnalyzers.Package.Tests.Infrastructure
{
    /// <summary>
    /// Runs the real <c>dotnet</c> CLI in a clean environment: English messages, no telemetry or banners, no MSBuild
    /// variables inherited from the test host's own build, no build server or node left running afterwards.
    /// </summary>
    public static class DotNetCli
    {
        /// <summary>Long enough for a cold restore from the registry; a hung command fails the test instead of the CI run.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        public static CommandResult Run(string workingDirectory, IEnumerable<string> arguments, TimeSpan? timeout = null)
        {
            var startInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            PrepareEnvironment(startInfo.Environment);

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var limit = timeout ?? DefaultTimeout;
            if (!process.WaitForExit((int)limit.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException($"'{CommandResult.Describe(startInfo.ArgumentList)}' did not finish within {limit}:\n{Snapshot(output)}");
            }

            // The parameterless wait also drains the redirected streams.
            process.WaitForExit();
            return new CommandResult(CommandResult.Describe(startInfo.ArgumentList), process.ExitCode, Snapshot(output), stopwatch.Elapsed);
        }

        private static void PrepareEnvironment(IDictionary<string, string?> environment)
        {
            var inherited = new List<string>();
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                inherited.Add((string)entry.Key);
            }

            // The test host runs under `dotnet test`, whose MSBuild exported variables (MSBuildExtensionsPath,
            // MSBuildSDKsPath, MSBUILD_EXE_PATH ...) that would steer the child build: the child's CLI sets its own.
            foreach (var name in inherited)
            {
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) ||
                    name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                    name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(name);
                }
            }

            environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["MSBUILDTERMINALLOGGER"] = "off";
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static string Snapshot(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
