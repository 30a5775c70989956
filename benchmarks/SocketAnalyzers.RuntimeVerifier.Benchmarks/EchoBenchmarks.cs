extern alias plain;
extern alias verified;

using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using PlainEcho = plain::SocketAnalyzers.RuntimeVerifier.Workload.EchoSession;
using VerifiedEcho = verified::SocketAnalyzers.RuntimeVerifier.Workload.EchoSession;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>
    /// Loopback echo throughput: 64 connections, each sending and reading back <see cref="Rounds"/> messages of
    /// <see cref="MessageSize"/> bytes, with and without the verifier. The ratio column is the throughput cost.
    /// </summary>
    [MemoryDiagnoser]
    public class EchoBenchmarks
    {
        private const int Connections = 64;
        private const int Rounds = 8;
        private PlainEcho? plainSession;
        private VerifiedEcho? verifiedSession;

        [Params(1024, 65536)]
        public int MessageSize { get; set; }

        [GlobalSetup(Target = nameof(Plain))]
        public void SetupPlain() => this.plainSession = new PlainEcho(Connections, this.MessageSize);

        [GlobalSetup(Target = nameof(Disabled))]
        public void SetupDisabled()
        {
            VerifierSettings.Disabled();
            this.verifiedSession = new VerifiedEcho(Connections, this.MessageSize);
        }

        [GlobalSetup(Target = nameof(EnabledLeaksSampled))]
        public void SetupEnabled()
        {
            VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
            this.verifiedSession = new VerifiedEcho(Connections, this.MessageSize);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            this.plainSession?.Dispose();
            this.verifiedSession?.Dispose();
        }

        [Benchmark(Baseline = true)]
        public Task<long> Plain() => this.plainSession!.RunAsync(Rounds);

        [Benchmark]
        public Task<long> Disabled() => this.verifiedSession!.RunAsync(Rounds);

        [Benchmark]
        public Task<long> EnabledLeaksSampled() => this.verifiedSession!.RunAsync(Rounds);
    }
}
