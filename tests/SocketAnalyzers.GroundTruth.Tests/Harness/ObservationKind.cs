namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    internal enum ObservationKind
    {
        Completed,
        Threw,
        Pending,
    }
}
