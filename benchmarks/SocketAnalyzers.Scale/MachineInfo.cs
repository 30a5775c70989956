using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SocketAnalyzers.Scale
{
    /// <summary>The machine and software a report was measured on, and the load average when it started.</summary>
    internal static class MachineInfo
    {
        public static string Describe()
        {
            var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
            var roslyn = typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
            var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
            return cpu + ", " + Environment.ProcessorCount + " cores, " + memory.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " GiB; "
                + RuntimeInformation.OSDescription + "; .NET " + Environment.Version + "; Roslyn " + roslyn
                + "; load average at start " + LoadAverage();
        }

        /// <summary>The 1, 5 and 15 minute load averages (Linux), or "?".</summary>
        public static string LoadAverage()
        {
            try
            {
                return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
            }
            catch (IOException)
            {
                return "?";
            }
        }

        private static string? ReadFirst(string file, string key)
        {
            try
            {
                return File.Exists(file)
                    ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l.Substring(l.IndexOf(':') + 1).Trim()).FirstOrDefault()
                    : null;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
