namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>How a member is called: and so how its failure shows.</summary>
    internal enum CallShape
    {
        /// <summary>A blocking call: it returns or throws.</summary>
        Sync,

        /// <summary>Returns a Task/ValueTask: it may throw synchronously or return a faulted task.</summary>
        Task,

        /// <summary>Begin/End pair: Begin may throw, or End may rethrow the failure.</summary>
        Apm,
    }
}
