using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace SocketAnalyzers.Scale
{
    /// <summary>
    /// Peak memory of one measured pass: a background thread samples the managed heap size every 5 ms, and the
    /// process's peak resident set (VmHWM) is reset at the start where Linux allows it (writing 5 to
    /// /proc/self/clear_refs), so the warm-up before the pass does not count.
    /// </summary>
    internal sealed class HeapSampler : IDisposable
    {
        private readonly Thread thread;
        private readonly long allocatedBefore;
        private volatile bool stopped;
        private long peakHeap;

        private HeapSampler()
        {
            this.allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            this.peakHeap = GC.GetTotalMemory(forceFullCollection: false);
            this.StartGcHeapMb = this.peakHeap / (1024.0 * 1024);
            using (var process = Process.GetCurrentProcess())
            {
                this.StartWorkingSetMb = process.WorkingSet64 / (1024.0 * 1024);
            }

            this.thread = new Thread(this.Sample) { IsBackground = true, Name = "heap sampler" };
            this.thread.Start();
        }

        public double PeakGcHeapMb => Interlocked.Read(ref this.peakHeap) / (1024.0 * 1024);

        public double AllocatedMb { get; private set; }

        public double PeakWorkingSetMb { get; private set; }

        /// <summary>The managed heap when the pass starts, right after a full collection: the input and what the warm-up left.</summary>
        public double StartGcHeapMb { get; }

        /// <summary>The working set when the pass starts: the runtime, the loaded compiler and analyzers, the input, and what the GC kept after the warm-up.</summary>
        public double StartWorkingSetMb { get; }

        public static HeapSampler Start()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            ResetPeakResidentSet();
            return new HeapSampler();
        }

        public void Dispose()
        {
            this.stopped = true;
            this.thread.Join();
            this.AllocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - this.allocatedBefore) / (1024.0 * 1024);
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            this.PeakWorkingSetMb = process.PeakWorkingSet64 / (1024.0 * 1024);
        }

        private static void ResetPeakResidentSet()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Not Linux, or not allowed: the peak then includes the warm-up, which is small.
            }
        }

        private void Sample()
        {
            while (!this.stopped)
            {
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                if (heap > Interlocked.Read(ref this.peakHeap))
                {
                    Interlocked.Exchange(ref this.peakHeap, heap);
                }

                Thread.Sleep(5);
            }
        }
    }
}
