using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>A tracked object and its value at one point (a method exit).</summary>
    public readonly struct TrackedSocket
    {
        public TrackedSocket(SocketOrigin origin, SocketValue value)
        {
            this.Origin = origin;
            this.Value = value;
        }

        public SocketOrigin Origin { get; }

        public SocketValue Value { get; }
    }
}
