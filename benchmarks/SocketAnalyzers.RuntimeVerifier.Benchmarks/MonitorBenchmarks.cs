using System.Net.Sockets;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>What an interceptor adds around the real call, alone: Enter (lookup, check, record) and Complete.</summary>
    [MemoryDiagnoser]
    public class MonitorBenchmarks
    {
        private static readonly CallSite Site = new("Bench.cs", 1, 1, SocketApi.Socket, "SetSocketOption");
        private Socket socket = null!;

        [GlobalSetup(Target = nameof(Disabled))]
        public void SetupDisabled() => this.Setup(enabled: false);

        [GlobalSetup(Targets = new[] { nameof(EmptyCall), nameof(Enabled) })]
        public void SetupEnabled() => this.Setup(enabled: true);

        [GlobalCleanup]
        public void Cleanup() => this.socket.Dispose();

        /// <summary>A non-inlined empty call: the floor any interceptor pays.</summary>
        [Benchmark(Baseline = true)]
        public void EmptyCall() => Empty(this.socket);

        [Benchmark]
        public void Disabled() => SocketMonitor.Complete(SocketMonitor.Enter(this.socket, Site, SocketOperation.None), Site, SocketOperation.None);

        [Benchmark]
        public void Enabled() => SocketMonitor.Complete(SocketMonitor.Enter(this.socket, Site, SocketOperation.None), Site, SocketOperation.None);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Empty(Socket socket) => _ = socket;

        private void Setup(bool enabled)
        {
            if (enabled)
            {
                VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
            }
            else
            {
                VerifierSettings.Disabled();
            }

            this.socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        }
    }
}
