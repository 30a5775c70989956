using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketAnalyzers.Scale
{
    /// <summary>Every measurement of one corpus size, by tool, and their medians.</summary>
    internal sealed class ScaleRow
    {
        private readonly Dictionary<string, List<Measurement>> byTool = new(StringComparer.Ordinal);

        public ScaleRow(int size, int repetitions)
        {
            this.Size = size;
            this.Repetitions = repetitions;
        }

        /// <summary>The requested size in lines (the generator's target).</summary>
        public int Size { get; }

        public int Repetitions { get; }

        public TimeSpan Elapsed { get; set; }

        public int Lines => this.byTool.Values.SelectMany(m => m).Select(m => m.Lines).FirstOrDefault();

        public int Files => this.byTool.Values.SelectMany(m => m).Select(m => m.Files).FirstOrDefault();

        public bool HasCrashes => this.byTool.Values.SelectMany(m => m).Any(m => m.Crashes.Count > 0);

        public void Add(Measurement measurement)
        {
            if (!this.byTool.TryGetValue(measurement.Tool, out var list))
            {
                this.byTool[measurement.Tool] = list = new List<Measurement>();
            }

            list.Add(measurement);
        }

        public IReadOnlyList<Measurement> Of(string tool) =>
            this.byTool.TryGetValue(tool, out var list) ? list : Array.Empty<Measurement>();

        public double Median(string tool, Func<Measurement, double> figure) => Statistics.Median(this.Of(tool).Select(figure));

        /// <summary>The compile time: the compiler-only pass's wall time.</summary>
        public double CompileMs => this.Median(Measurement.CompileOnly, m => m.WallMs);

        public double AnalyzerMs(string tool) => this.Median(tool, m => m.AnalyzerMs);
    }
}
