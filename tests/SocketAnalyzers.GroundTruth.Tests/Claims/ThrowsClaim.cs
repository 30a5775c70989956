using System.Collections.Immutable;

namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>"throws X (…)" or "throws X (A) or Y (B)": the call fails with one of these exceptions.</summary>
    internal sealed class ThrowsClaim : OutcomeClaim
    {
        public ThrowsClaim(string phrase, ImmutableArray<ExpectedException> alternatives)
            : base(phrase) => this.Alternatives = alternatives;

        public ImmutableArray<ExpectedException> Alternatives { get; }

        /// <summary>
        /// The alternative that applies to a call whose subject is <paramref name="subject"/>: the only one, or the
        /// one naming that subject. <see langword="null"/> when the claim lists several and none names it.
        /// </summary>
        public ExpectedException? For(string? subject)
        {
            if (this.Alternatives.Length == 1)
            {
                return this.Alternatives[0];
            }

            foreach (var alternative in this.Alternatives)
            {
                if (alternative.Subject == subject)
                {
                    return alternative;
                }
            }

            return null;
        }
    }
}
