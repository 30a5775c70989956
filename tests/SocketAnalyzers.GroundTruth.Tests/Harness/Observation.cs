using System;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>What one call did: completed, threw (and how the exception surfaced), or was still pending.</summary>
    internal sealed class Observation
    {
        private Observation(ObservationKind kind, Exception? exception, string how)
        {
            this.Kind = kind;
            this.Exception = exception;
            this.How = how;
        }

        public ObservationKind Kind { get; }

        public Exception? Exception { get; }

        /// <summary>How it surfaced: "thrown", "thrown synchronously by the async member", "faulted task", "thrown by Begin", "thrown by End".</summary>
        public string How { get; }

        public static Observation Completed() => new(ObservationKind.Completed, null, "completed");

        public static Observation Pending() => new(ObservationKind.Pending, null, "still pending");

        public static Observation Threw(Exception exception, string how) => new(ObservationKind.Threw, exception, how);

        public override string ToString() => this.Exception is { } exception
            ? Claims.ExpectedException.Describe(exception) + ", " + this.How
            : this.How;
    }
}
