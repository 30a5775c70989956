namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>How a call ended within its window.</summary>
    internal enum ObservationKind
    {
        Completed,
        Threw,
        Pending,
    }
}
