extern alias plain;
extern alias verified;

using System.Net;
using BenchmarkDotNet.Attributes;
using PlainCalls = plain::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;
using VerifiedCalls = verified::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>
    /// A socket's whole life (create, Bind, Dispose): where the leak levels differ, since a watched socket gets a
    /// finalizable tracker and, at Full, a captured stack trace.
    /// </summary>
    [MemoryDiagnoser]
    public class SocketLifetimeBenchmarks
    {
        private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

        [GlobalSetup(Target = nameof(Disabled))]
        public void SetupDisabled() => VerifierSettings.Disabled();

        [GlobalSetup(Target = nameof(LeaksOff))]
        public void SetupLeaksOff() => VerifierSettings.Enabled(LeakDetectionLevel.Off);

        [GlobalSetup(Target = nameof(LeaksSampled))]
        public void SetupLeaksSampled() => VerifierSettings.Enabled(LeakDetectionLevel.Sampled);

        [GlobalSetup(Target = nameof(LeaksFull))]
        public void SetupLeaksFull() => VerifierSettings.Enabled(LeakDetectionLevel.Full);

        [Benchmark(Baseline = true)]
        public void Plain() => PlainCalls.CreateBindDispose(AnyLoopbackPort);

        [Benchmark]
        public void Disabled() => VerifiedCalls.CreateBindDispose(AnyLoopbackPort);

        [Benchmark]
        public void LeaksOff() => VerifiedCalls.CreateBindDispose(AnyLoopbackPort);

        [Benchmark]
        public void LeaksSampled() => VerifiedCalls.CreateBindDispose(AnyLoopbackPort);

        [Benchmark]
        public void LeaksFull() => VerifiedCalls.CreateBindDispose(AnyLoopbackPort);
    }
}
