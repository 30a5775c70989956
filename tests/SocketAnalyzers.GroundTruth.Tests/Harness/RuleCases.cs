using System.Collections.Generic;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// Every (entry, kind, state, call) of <see cref="ProtocolTable.Rules"/> that a live object can be driven into,
    /// and every combination that cannot, with the reason.
    /// </summary>
    internal static class RuleCases
    {
        public static IEnumerable<(int Rule, int Kind, SocketState State, string Call)> Runnable()
        {
            foreach (var (rule, kind, state, variant, skip) in Enumerate())
            {
                if (skip is null)
                {
                    yield return (rule, kind, state, variant!.Label);
                }
            }
        }

        public static IEnumerable<string> Skipped()
        {
            foreach (var (rule, kind, state, variant, skip) in Enumerate())
            {
                if (skip is not null)
                {
                    var entry = ProtocolTable.Rules[rule];
                    yield return $"#{rule} {entry.DiagnosticId} {entry.Api}.{entry.Operation} on {TestKinds.All[kind]} in {state}{(variant is null ? string.Empty : " by " + variant.Label)}: {skip}";
                }
            }
        }

        public static CallVariant Variant(int rule, string label)
        {
            var entry = ProtocolTable.Rules[rule];
            foreach (var variant in CallVariants.For(entry.Api, entry.Operation))
            {
                if (variant.Label == label)
                {
                    return variant;
                }
            }

            throw new KeyNotFoundException(label);
        }

        private static IEnumerable<(int Rule, int Kind, SocketState State, CallVariant? Variant, string? Skip)> Enumerate()
        {
            for (var r = 0; r < ProtocolTable.Rules.Length; r++)
            {
                var entry = ProtocolTable.Rules[r];
                foreach (var k in TestKinds.For(entry.Api, entry.Transport))
                {
                    var kind = TestKinds.All[k];
                    for (var state = SocketState.Created; state <= SocketState.Closed; state++)
                    {
                        if (!entry.States.Contains(state))
                        {
                            continue;
                        }

                        // First match wins: a state an earlier entry claims (use after close) is that entry's to measure.
                        var owner = ProtocolTable.FindViolation(entry.Api, entry.Operation, SocketStates.Of(state), kind);
                        if (owner is null)
                        {
                            yield return (r, k, state, null, $"the entry excepts the {kind.Family} family: measured not to fail there");
                            continue;
                        }

                        if (!ReferenceEquals(owner, entry))
                        {
                            yield return (r, k, state, null, $"shadowed by {owner.DiagnosticId} ({owner.Outcome}), which comes first in the table");
                            continue;
                        }

                        StateDriver.Routes(entry.Api, kind, state, out var unreachable);
                        if (unreachable is not null)
                        {
                            yield return (r, k, state, null, unreachable);
                            continue;
                        }

                        foreach (var variant in CallVariants.For(entry.Api, entry.Operation))
                        {
                            yield return (r, k, state, variant, variant.NotApplicable(kind));
                        }
                    }
                }
            }
        }
    }
}
