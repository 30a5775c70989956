extern alias plain;
extern alias verified;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using PlainCalls = plain::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;
using PlainEcho = plain::SocketAnalyzers.RuntimeVerifier.Workload.EchoSession;
using VerifiedCalls = verified::SocketAnalyzers.RuntimeVerifier.Workload.SocketCalls;
using VerifiedEcho = verified::SocketAnalyzers.RuntimeVerifier.Workload.EchoSession;

namespace SocketAnalyzers.RuntimeVerifier.Benchmarks
{
    /// <summary>
    /// <c>--paired</c>: the same comparisons as the BenchmarkDotNet classes, measured in rotation in one process
    /// (plain, verifier on, verifier off, plain, …) so that a shared machine's changing background load hits all
    /// variants alike. Prints the median ratio to plain with its interquartile range.
    /// </summary>
    internal static class PairedComparison
    {
        private const int Samples = 41;

        public static void Run()
        {
            Console.WriteLine("variant                       median ratio to plain   (25th–75th percentile)   median plain time");
            foreach (var size in new[] { 1024, 65536 })
            {
                VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
                using var plainEcho = new PlainEcho(64, size);
                using var verifiedEcho = new VerifiedEcho(64, size);
                Compare(
                    $"echo 64 x {size / 1024} KiB",
                    () => plainEcho.RunAsync(8).GetAwaiter().GetResult(),
                    () => verifiedEcho.RunAsync(8).GetAwaiter().GetResult());
            }

            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.Connect(listener.LocalEndPoint!);
            using var server = listener.Accept();
            var buffer = new byte[1];
            Compare(
                "1-byte send+receive x 2000",
                () => Repeat(2000, () => PlainCalls.SendReceiveOneByte(client, server, buffer)),
                () => Repeat(2000, () => VerifiedCalls.SendReceiveOneByte(client, server, buffer)));
            Compare(
                "setsockopt x 20000",
                () => Repeat(20000, () => PlainCalls.SetKeepAlive(client)),
                () => Repeat(20000, () => VerifiedCalls.SetKeepAlive(client)));
        }

        private static void Compare(string name, Action plainRun, Action verifiedRun)
        {
            var enabled = new List<double>();
            var disabled = new List<double>();
            var plainTimes = new List<double>();
            plainRun();
            verifiedRun();
            for (var sample = 0; sample < Samples; sample++)
            {
                var plainTime = Time(plainRun);
                VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
                var enabledTime = Time(verifiedRun);
                VerifierSettings.Disabled();
                var disabledTime = Time(verifiedRun);
                var plainAgain = Time(plainRun);
                var reference = (plainTime + plainAgain) / 2;
                plainTimes.Add(reference);
                enabled.Add(enabledTime / reference);
                disabled.Add(disabledTime / reference);
            }

            VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
            Print(name + ", verifier on", enabled, plainTimes);
            Print(name + ", verifier off", disabled, plainTimes);
        }

        private static void Repeat(int count, Action action)
        {
            for (var i = 0; i < count; i++)
            {
                action();
            }
        }

        private static double Time(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.Elapsed.TotalMilliseconds;
        }

        private static void Print(string name, List<double> ratios, List<double> plainTimes)
        {
            var sorted = ratios.OrderBy(r => r).ToArray();
            var times = plainTimes.OrderBy(t => t).ToArray();
            Console.WriteLine(
                $"{name,-40} {sorted[sorted.Length / 2],6:F3}   ({sorted[sorted.Length / 4]:F3}–{sorted[sorted.Length * 3 / 4]:F3})   {times[times.Length / 2],8:F3} ms");
        }
    }
}
