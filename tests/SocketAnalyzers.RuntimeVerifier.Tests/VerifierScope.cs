using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>Sets the verifier's options for one test and collects what it reports; restores the options after.</summary>
    internal sealed class VerifierScope : IDisposable
    {
        private readonly VerifierOptions previous;
        private readonly ConcurrentQueue<SocketViolation> violations = new();
        private readonly ConcurrentQueue<SocketLeak> leaks = new();

        public VerifierScope(ReportMode mode, LeakDetectionLevel leaks = LeakDetectionLevel.Off)
        {
            this.previous = SocketVerifier.Options;
            SocketVerifier.Configure(new VerifierOptions { Mode = mode, LeakDetection = leaks });
            SocketVerifier.ViolationReported += this.OnViolation;
            SocketVerifier.LeakReported += this.OnLeak;
        }

        public IReadOnlyList<SocketViolation> Violations => this.violations.ToArray();

        public IReadOnlyList<SocketLeak> Leaks => this.leaks.ToArray();

        /// <summary>The line this is called from: put it on the same line as the call under test.</summary>
        public static int Line([CallerLineNumber] int line = 0) => line;

        public SocketViolation Single(string ruleId)
        {
            var matching = this.Violations.Where(v => v.RuleId == ruleId).ToArray();
            Assert.True(matching.Length == 1, $"expected one {ruleId}, got: {string.Join(" | ", this.Violations.Select(v => v.ToSingleLine()))}");
            return matching[0];
        }

        public void Dispose()
        {
            SocketVerifier.ViolationReported -= this.OnViolation;
            SocketVerifier.LeakReported -= this.OnLeak;
            SocketVerifier.Configure(this.previous);
        }

        private void OnViolation(object? sender, SocketViolation violation) => this.violations.Enqueue(violation);

        private void OnLeak(object? sender, SocketLeak leak) => this.leaks.Enqueue(leak);
    }
}
