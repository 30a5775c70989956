using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace SocketAnalyzers.Scale
{
    /// <summary>Starts the runner itself with the hidden <c>measure</c> sub-command and reads its measurement back.</summary>
    internal static class ChildProcess
    {
        /// <summary>
        /// One measurement in a fresh process; null when it did not finish within <paramref name="timeout"/> (the child is
        /// then killed). Throws when the child fails.
        /// </summary>
        public static async Task<Measurement?> MeasureAsync(string input, string tool, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
            }

            foreach (var argument in new[] { "measure", "--input", input, "--tool", tool })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(timeout)).ConfigureAwait(false) != exited)
            {
                process.Kill(entireProcessTree: true);
                await exited.ConfigureAwait(false);
                return null;
            }

            var text = await output.ConfigureAwait(false);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith(MeasureCommand.Marker, StringComparison.Ordinal))
                {
                    return JsonSerializer.Deserialize<Measurement>(line.Substring(MeasureCommand.Marker.Length));
                }
            }

            var message = new StringBuilder("measure ").Append(tool).Append(" on ").Append(input).Append(" failed (exit code ")
                .Append(process.ExitCode).AppendLine("):").AppendLine(text).AppendLine(await errors.ConfigureAwait(false));
            throw new InvalidOperationException(message.ToString());
        }
    }
}
