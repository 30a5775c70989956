using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;
using SocketAnalyzers.Flow.Tracking;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Rules.Protocol
{
    /// <summary>
    /// A protocol rule on the flow engine: given a step the protocol table says fails on every path, it builds the
    /// diagnostic — the member's name as location, the facts relied on as additional locations, and the message
    /// <c>'{0}' is {2}: '{1}' {3}</c> (receiver, member, state with its cause, measured outcome).
    /// </summary>
    internal abstract class ProtocolRuleChecker
    {
        public abstract DiagnosticDescriptor Descriptor { get; }

        public Diagnostic Report(ProtocolStep step, SocketValue before, ProtocolRule violation, SocketFlowResultView result)
        {
            var locations = new List<Location>();
            this.AddEvidence(step, before, result, locations);
            locations.Sort(static (left, right) => left.SourceSpan.Start.CompareTo(right.SourceSpan.Start));
            return Diagnostic.Create(
                this.Descriptor,
                (step.MemberName ?? step.Operation.Syntax).GetLocation(),
                locations,
                StateDescriptions.Receiver(step),
                step.MemberDisplay,
                this.DescribeState(step, before, result),
                OutcomePhrases.For(violation.Outcome, step.MemberDisplay, before.Kind));
        }

        /// <summary>The <c>{2}</c> argument: the state the receiver is in on every path, and what put it there.</summary>
        protected virtual string DescribeState(ProtocolStep step, SocketValue before, SocketFlowResultView result) =>
            StateDescriptions.Describe(before);

        /// <summary>The additional locations: by default, the operations that put the receiver in its states.</summary>
        protected virtual void AddEvidence(ProtocolStep step, SocketValue before, SocketFlowResultView result, List<Location> locations)
        {
            foreach (var cause in before.Causes)
            {
                if (before.States.Contains(cause.State))
                {
                    AddOnce(locations, cause.Operation.Syntax.GetLocation());
                }
            }
        }

        protected static void AddOnce(List<Location> locations, Location? location)
        {
            if (location is null || !location.IsInSource)
            {
                return;
            }

            foreach (var existing in locations)
            {
                if (existing == location)
                {
                    return;
                }
            }

            locations.Add(location);
        }
    }
}
