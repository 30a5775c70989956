using System.Collections.Generic;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// What one child process measured: one tool (or the compiler alone, <see cref="CompileOnly"/>) on one input.
    /// Times in milliseconds, memory in megabytes. Sent to the parent as one JSON line.
    /// </summary>
    internal sealed class Measurement
    {
        public const string CompileOnly = "compile";

        public string Input { get; set; } = "";

        public string Tool { get; set; } = "";

        public int Files { get; set; }

        public int Lines { get; set; }

        /// <summary>The whole pass: GetDiagnostics for the compiler alone, GetAnalyzerDiagnosticsAsync for a tool.</summary>
        public double WallMs { get; set; }

        /// <summary>Summed analyzer execution time (telemetry) of the tool; 0 for the compiler alone.</summary>
        public double AnalyzerMs { get; set; }

        /// <summary>Peak resident set of the process during the pass (VmHWM, reset before it where Linux allows).</summary>
        public double PeakWorkingSetMb { get; set; }

        /// <summary>The working set when the pass started (after the warm-up, a full GC and the input's parsing).</summary>
        public double StartWorkingSetMb { get; set; }

        /// <summary>The managed heap when the pass started, after a full collection.</summary>
        public double StartGcHeapMb { get; set; }

        /// <summary>Largest managed heap size seen by a sampler every 5 ms during the pass.</summary>
        public double PeakGcHeapMb { get; set; }

        /// <summary>Bytes allocated on the managed heap during the pass.</summary>
        public double AllocatedMb { get; set; }

        public int CompilerErrors { get; set; }

        /// <summary>Diagnostics of the measured rules.</summary>
        public int Findings { get; set; }

        public List<string> Crashes { get; set; } = new();

        public Dictionary<string, double> PerAnalyzerMs { get; set; } = new();
    }
}
