namespace SocketAnalyzers.Protocol
{
    /// <summary>Why a Socket constructor call fails: the measured exception and the scenarios it stands on.</summary>
    public sealed class ConstructorViolation
    {
        public ConstructorViolation(string outcome, string scenarios)
        {
            this.Outcome = outcome;
            this.Scenarios = scenarios;
        }

        public string Outcome { get; }

        public string Scenarios { get; }
    }
}
