namespace SocketAnalyzers.GroundTruth.Tests.Claims
{
    /// <summary>
    /// A checkable form of an outcome phrase (<c>ProtocolRule.Outcome</c>, a rule page's ground-truth comment).
    /// <see cref="OutcomeClaimParser"/> turns a phrase into one; a phrase it does not know is an error, so the
    /// table cannot say something the tests do not check.
    /// </summary>
    internal abstract class OutcomeClaim
    {
        protected OutcomeClaim(string phrase) => this.Phrase = phrase;

        /// <summary>The phrase as written in the table or on the page.</summary>
        public string Phrase { get; }

        public override string ToString() => this.Phrase;
    }
}
