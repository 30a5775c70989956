using System.Collections.Generic;
using System.Linq;
using SocketAnalyzers.GroundTruth.Tests.Claims;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.Protocol;
using Xunit.Abstractions;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// Every legal edge of <see cref="ProtocolTable.Transitions"/>, through every member of its operation, on every kind
    /// where the model does not call it a failure: the call throws nothing and the object looks like it reached a state
    /// <see cref="ProtocolTable.Apply"/> predicts. These are the calls the rules must stay silent on.
    /// </summary>
    public sealed class TransitionGroundTruthTests
    {
        private readonly ITestOutputHelper output;

        public TransitionGroundTruthTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<int, int, string> Cases()
        {
            var data = new TheoryData<int, int, string>();
            foreach (var (edge, kind, variant) in Enumerate())
            {
                data.Add(edge, kind, variant.Label);
            }

            return data;
        }

        [Fact]
        public void EveryEdge_IsExercised()
        {
            var exercised = Enumerate().Select(c => c.Edge).ToHashSet();
            var missing = Enumerable.Range(0, ProtocolTable.Transitions.Length).Where(e => !exercised.Contains(e))
                .Select(e => Describe(ProtocolTable.Transitions[e])).ToList();
            Assert.Empty(missing);
        }

        [LinuxTheory]
        [MemberData(nameof(Cases))]
        public void LegalEdge_ThrowsNothing_AndReachesThePredictedState(int edge, int kind, string call)
        {
            var transition = ProtocolTable.Transitions[edge];
            var socketKind = TestKinds.All[kind];
            var variant = CallVariants.For(transition.Api, transition.Operation).Single(v => v.Label == call);
            var predicted = ProtocolTable.Apply(transition.Api, transition.Operation, SocketStates.Of(transition.From), socketKind.Transport);
            foreach (var route in StateDriver.Routes(transition.Api, socketKind, transition.From, out _))
            {
                using var scenario = new Scenario();
                var target = route.Build(scenario);
                var seen = CallRunner.Run(variant, target, new CallContext(scenario, socketKind), CallRunner.Window);
                this.output.WriteLine($"{Describe(transition)} by {variant.Label} on {socketKind} via \"{route}\": {seen}");
                Assert.True(seen.Kind == ObservationKind.Completed, $"{Describe(transition)} by {variant.Label} on {socketKind} via \"{route}\": {seen}");
                var looks = Enumerable.Range(0, 8).Select(s => (SocketState)s).Where(s => predicted.Contains(s) && StateProbe.LooksLike(transition.Api, target, s)).ToList();
                Assert.True(looks.Count > 0, $"after {variant.Label} the object does not look {predicted}");
            }
        }

        private static IEnumerable<(int Edge, int Kind, CallVariant Variant)> Enumerate()
        {
            for (var e = 0; e < ProtocolTable.Transitions.Length; e++)
            {
                var edge = ProtocolTable.Transitions[e];
                foreach (var k in TestKinds.For(edge.Api, edge.Transport))
                {
                    var kind = TestKinds.All[k];
                    if (StateDriver.Routes(edge.Api, kind, edge.From, out _).Count == 0)
                    {
                        continue;
                    }

                    var violation = ProtocolTable.FindViolation(edge.Api, edge.Operation, SocketStates.Of(edge.From), kind);
                    foreach (var variant in CallVariants.For(edge.Api, edge.Operation))
                    {
                        if (variant.NotApplicable(kind) is null && !FailsHere(violation, variant, kind))
                        {
                            yield return (e, k, variant);
                        }
                    }
                }
            }
        }

        /// <summary>True when the table says this call fails on this kind (then it is a rule's case, not a legal edge).</summary>
        private static bool FailsHere(ProtocolRule? violation, CallVariant variant, SocketKind kind)
        {
            if (violation is null)
            {
                return false;
            }

            var claim = OutcomeClaimParser.Parse(violation.Outcome);
            if (claim is SelectiveClaim selective)
            {
                claim = selective.For(variant.Member, kind, neverBound: false);
            }

            return claim switch
            {
                ListenAutoBindsClaim autoBind => autoBind.ThrowsOnUnix && kind.Family == SocketFamily.Unix,
                CompletesClaim or LateReuseAddressClaim => false,
                _ => true,
            };
        }

        private static string Describe(ProtocolTransition edge) => $"{edge.Api}: {edge.From} → {edge.To} by {edge.Operation}";
    }
}
