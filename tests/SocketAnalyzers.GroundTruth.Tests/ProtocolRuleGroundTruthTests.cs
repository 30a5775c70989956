using System.Collections.Generic;
using System.Linq;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.Protocol;
using Xunit.Abstractions;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// Every illegal entry of <see cref="ProtocolTable.Rules"/>, on a real object in each of the entry's states,
    /// through every member the map gives its operation: the outcome is the one the entry claims.
    /// </summary>
    public sealed class ProtocolRuleGroundTruthTests
    {
        private readonly ITestOutputHelper output;

        public ProtocolRuleGroundTruthTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<int, int, SocketState, string> Cases()
        {
            var data = new TheoryData<int, int, SocketState, string>();
            foreach (var (rule, kind, state, call) in RuleCases.Runnable())
            {
                data.Add(rule, kind, state, call);
            }

            return data;
        }

        [Fact]
        public void EveryOutcomePhrase_ParsesIntoACheckableClaim()
        {
            foreach (var rule in ProtocolTable.Rules)
            {
                var claim = OutcomeClaimParser.Parse(rule.Outcome);
                Assert.Equal(rule.Outcome, claim.Phrase);
            }
        }

        [Fact]
        public void EveryMappedMemberOfAnEntryOrEdge_HasACall()
        {
            var missing = new List<string>();
            var pairs = ProtocolTable.Rules.Select(r => (r.Api, r.Operation)).Concat(ProtocolTable.Transitions.Select(t => (t.Api, t.Operation))).Distinct();
            foreach (var rule in pairs)
            {
                if (!CallVariants.For(rule.Api, rule.Operation).Any())
                {
                    missing.Add($"{rule.Api}.{rule.Operation}: no call performs it");
                }

                foreach (var member in ProtocolApiMap.Members)
                {
                    if (member.Api == rule.Api && member.Operation == rule.Operation
                        && !CallVariants.All.Any(v => v.Api == member.Api && v.Member == member.Name))
                    {
                        missing.Add($"{member.Api}.{member.Name} ({member.Operation}) has no call in CallVariants");
                    }
                }
            }

            Assert.Empty(missing.Distinct());
        }

        [Fact]
        public void EveryStateOfEveryEntry_IsMeasuredOnSomeKind()
        {
            var runnable = RuleCases.Runnable().ToList();
            var unmeasured = new List<string>();
            for (var r = 0; r < ProtocolTable.Rules.Length; r++)
            {
                var entry = ProtocolTable.Rules[r];
                for (var state = SocketState.Created; state <= SocketState.Closed; state++)
                {
                    // Excused: on every kind, an earlier entry owns the state, or no live object can reach it (both listed as skipped).
                    var excused = TestKinds.For(entry.Api, entry.Transport).All(k =>
                        !ReferenceEquals(ProtocolTable.FindViolation(entry.Api, entry.Operation, SocketStates.Of(state), TestKinds.All[k]), entry)
                        || StateDriver.Routes(entry.Api, TestKinds.All[k], state, out _).Count == 0);
                    if (entry.States.Contains(state) && !excused && !runnable.Any(c => c.Rule == r && c.State == state))
                    {
                        unmeasured.Add($"#{r} {entry.DiagnosticId} {entry.Api}.{entry.Operation} in {state}");
                    }
                }
            }

            for (var r = 0; r < ProtocolTable.Rules.Length; r++)
            {
                if (!runnable.Any(c => c.Rule == r))
                {
                    unmeasured.Add($"#{r} {ProtocolTable.Rules[r].DiagnosticId}: no state of the entry is measured at all");
                }
            }

            foreach (var skip in RuleCases.Skipped())
            {
                this.output.WriteLine("skipped: " + skip);
            }

            Assert.Empty(unmeasured);
        }

        [LinuxTheory]
        [MemberData(nameof(Cases))]
        public void Entry_FailsAsItClaims(int rule, int kind, SocketState state, string call)
        {
            var entry = ProtocolTable.Rules[rule];
            var claim = OutcomeClaimParser.Parse(entry.Outcome);
            var socketKind = TestKinds.All[kind];
            var variant = RuleCases.Variant(rule, call);
            var failures = new List<string>();
            foreach (var route in StateDriver.Routes(entry.Api, socketKind, state, out _))
            {
                using var scenario = new Scenario();
                var target = route.Build(scenario);
                var (seen, failure) = ClaimChecks.Check(claim, variant, target, new CallContext(scenario, socketKind), state, route);
                var line = $"{entry.DiagnosticId} [{entry.Scenarios}] {entry.Api}.{variant.Label} on {socketKind} {state} via \"{route}\": {seen}";
                this.output.WriteLine(line);
                if (failure is not null)
                {
                    failures.Add($"{line}\n  claim \"{entry.Outcome}\": {failure}");
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }
}
