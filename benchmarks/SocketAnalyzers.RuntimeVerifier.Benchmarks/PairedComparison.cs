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
    /// (plain, verifier on, verifier off, in a random order each rotation) so that a shared machine's changing
    /// background load hits all variants alike. Prints the median ratio to plain with its interquartile range, and the 95% confidence interval
    /// of that median (order statistics), which is what says whether a difference is resolved.
    /// </summary>
    internal static class PairedComparison
    {
        public static void Run(int samples)
        {
            Console.WriteLine($"{samples} rotations per variant");
            Console.WriteLine("variant                                  median  [95% CI of median]  (25th–75th pct)   median plain time");
            foreach (var size in new[] { 1024, 65536 })
            {
                VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
                using var plainEcho = new PlainEcho(64, size);
                using var verifiedEcho = new VerifiedEcho(64, size);
                Compare(
                    samples,
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
                samples,
                "1-byte send+receive x 2000",
                () => Repeat(2000, () => PlainCalls.SendReceiveOneByte(client, server, buffer)),
                () => Repeat(2000, () => VerifiedCalls.SendReceiveOneByte(client, server, buffer)));
            Compare(
                samples,
                "setsockopt x 20000",
                () => Repeat(20000, () => PlainCalls.SetKeepAlive(client)),
                () => Repeat(20000, () => VerifiedCalls.SetKeepAlive(client)));
        }

        private static void Compare(int samples, string name, Action plainRun, Action verifiedRun)
        {
            var enabled = new List<double>();
            var disabled = new List<double>();
            var plainTimes = new List<double>();
            plainRun();
            verifiedRun();
            var random = new Random(20261125);
            var order = new[] { 0, 1, 2 };
            var times = new double[3];
            for (var sample = 0; sample < samples; sample++)
            {
                // A fresh random order each rotation: no variant always runs first, or right after another.
                random.Shuffle(order);
                foreach (var variant in order)
                {
                    switch (variant)
                    {
                        case 0:
                            times[0] = Time(plainRun);
                            break;
                        case 1:
                            VerifierSettings.Enabled(LeakDetectionLevel.Sampled);
                            times[1] = Time(verifiedRun);
                            break;
                        default:
                            VerifierSettings.Disabled();
                            times[2] = Time(verifiedRun);
                            break;
                    }
                }

                plainTimes.Add(times[0]);
                enabled.Add(times[1] / times[0]);
                disabled.Add(times[2] / times[0]);
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
            var n = sorted.Length;

            // Distribution-free 95% interval of the median: order statistics n/2 ± 0.98·√n.
            var half = (int)Math.Ceiling(0.98 * Math.Sqrt(n));
            var low = sorted[Math.Max(0, (n / 2) - half)];
            var high = sorted[Math.Min(n - 1, (n / 2) + half)];
            Console.WriteLine(
                $"{name,-40} {sorted[n / 2],6:F3}  [{low:F3}–{high:F3}]  ({sorted[n / 4]:F3}–{sorted[n * 3 / 4]:F3})   {times[n / 2],8:F3} ms");
        }
    }
}
