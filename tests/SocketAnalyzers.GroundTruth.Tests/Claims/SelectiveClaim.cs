using System.Collections.Immutable;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// "main; selector: claim; selector: claim": a claim with exceptions for some members or kinds of socket.
    /// The last override whose selector matches a call decides; otherwise the main claim does.
    /// </summary>
    internal sealed class SelectiveClaim : OutcomeClaim
    {
        public SelectiveClaim(string phrase, OutcomeClaim main, ImmutableArray<(ClaimSelector Selector, OutcomeClaim Claim)> overrides)
            : base(phrase)
        {
            this.Main = main;
            this.Overrides = overrides;
        }

        public OutcomeClaim Main { get; }

        public ImmutableArray<(ClaimSelector Selector, OutcomeClaim Claim)> Overrides { get; }

        public OutcomeClaim For(string member, SocketKind kind, bool neverBound)
        {
            var result = this.Main;
            foreach (var (selector, claim) in this.Overrides)
            {
                if (selector.Matches(member, kind, neverBound))
                {
                    result = claim;
                }
            }

            return result;
        }
    }
}
