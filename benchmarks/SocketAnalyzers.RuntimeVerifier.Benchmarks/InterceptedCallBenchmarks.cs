extern alias plain;
extern alias verified;

using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using PlainCalls = plain::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;
using VerifiedCalls = verified::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>
    /// Cost per intercepted call on a real socket: the same source compiled without the verifier (Plain, the baseline),
    /// with it but switched off (Disabled), and on at each leak level. Leak levels act when a socket is first seen,
    /// so per call they should not differ; <see cref="SocketLifetimeBenchmarks"/> shows where they do.
    /// </summary>
    [MemoryDiagnoser]
    public class InterceptedCallBenchmarks
    {
        private readonly byte[] buffer = new byte[1];
        private Socket listener = null!;
        private Socket client = null!;
        private Socket server = null!;

        [GlobalSetup(Targets = new[] { nameof(KeepAlive_Plain), nameof(OneBytePair_Plain) })]
        public void SetupPlain() => this.Open();

        [GlobalSetup(Targets = new[] { nameof(KeepAlive_Disabled), nameof(OneBytePair_Disabled) })]
        public void SetupDisabled()
        {
            VerifierSettings.Disabled();
            this.Open();
        }

        [GlobalSetup(Targets = new[] { nameof(KeepAlive_LeaksOff), nameof(OneBytePair_LeaksOff) })]
        public void SetupLeaksOff() => this.Open(LeakDetectionLevel.Off);

        [GlobalSetup(Targets = new[] { nameof(KeepAlive_LeaksSampled), nameof(OneBytePair_LeaksSampled) })]
        public void SetupLeaksSampled() => this.Open(LeakDetectionLevel.Sampled);

        [GlobalSetup(Targets = new[] { nameof(KeepAlive_LeaksFull), nameof(OneBytePair_LeaksFull) })]
        public void SetupLeaksFull() => this.Open(LeakDetectionLevel.Full);

        [GlobalCleanup]
        public void Cleanup()
        {
            this.client.Dispose();
            this.server.Dispose();
            this.listener.Dispose();
        }

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("KeepAlive")]
        public void KeepAlive_Plain() => PlainCalls.SetKeepAlive(this.client);

        [Benchmark]
        [BenchmarkCategory("KeepAlive")]
        public void KeepAlive_Disabled() => VerifiedCalls.SetKeepAlive(this.client);

        [Benchmark]
        [BenchmarkCategory("KeepAlive")]
        public void KeepAlive_LeaksOff() => VerifiedCalls.SetKeepAlive(this.client);

        [Benchmark]
        [BenchmarkCategory("KeepAlive")]
        public void KeepAlive_LeaksSampled() => VerifiedCalls.SetKeepAlive(this.client);

        [Benchmark]
        [BenchmarkCategory("KeepAlive")]
        public void KeepAlive_LeaksFull() => VerifiedCalls.SetKeepAlive(this.client);

        [Benchmark]
        [BenchmarkCategory("OneBytePair")]
        public int OneBytePair_Plain() => PlainCalls.SendReceiveOneByte(this.client, this.server, this.buffer);

        [Benchmark]
        [BenchmarkCategory("OneBytePair")]
        public int OneBytePair_Disabled() => VerifiedCalls.SendReceiveOneByte(this.client, this.server, this.buffer);

        [Benchmark]
        [BenchmarkCategory("OneBytePair")]
        public int OneBytePair_LeaksOff() => VerifiedCalls.SendReceiveOneByte(this.client, this.server, this.buffer);

        [Benchmark]
        [BenchmarkCategory("OneBytePair")]
        public int OneBytePair_LeaksSampled() => VerifiedCalls.SendReceiveOneByte(this.client, this.server, this.buffer);

        [Benchmark]
        [BenchmarkCategory("OneBytePair")]
        public int OneBytePair_LeaksFull() => VerifiedCalls.SendReceiveOneByte(this.client, this.server, this.buffer);

        private void Open(LeakDetectionLevel leaks)
        {
            VerifierSettings.Enabled(leaks);
            this.Open();
        }

        private void Open()
        {
            this.listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            this.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            this.listener.Listen();
            this.client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            this.client.Connect(this.listener.LocalEndPoint!);
            this.server = this.listener.Accept();
        }
    }
}
