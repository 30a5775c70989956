using System.Collections.Immutable;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// What the analysis knows where control leaves the method, normally (return, end of body) or by an exception
    /// that escapes it: every tracked object that exists there, with its ownership. The lifetime rules read these.
    /// </summary>
    public sealed class FlowExit
    {
        internal FlowExit(bool isReachable, ImmutableArray<TrackedSocket> objects, PointsTo returned, FlowState? state)
        {
            this.IsReachable = isReachable;
            this.Objects = objects;
            this.Returned = returned;
            this.State = state;
        }

        /// <summary>False when no path leaves this way (an exit after an infinite loop, no throwing operation).</summary>
        public bool IsReachable { get; }

        /// <summary>Every tracked object some path created before leaving this way, with its joined value.</summary>
        public ImmutableArray<TrackedSocket> Objects { get; }

        /// <summary>The objects the method may return (normal exit only; its ownership is Transferred).</summary>
        public PointsTo Returned { get; }

        /// <summary>The full state at the exit (variables and objects), <see langword="null"/> when unreachable.</summary>
        public FlowState? State { get; }
    }
}
