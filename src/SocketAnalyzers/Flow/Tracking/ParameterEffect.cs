using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>What a summarised method does to one socket parameter, on its normal exits.</summary>
    public sealed class ParameterEffect
    {
        internal ParameterEffect(StateRelation relation, Ownership ownership, System.Collections.Immutable.ImmutableArray<StateCause> causes)
        {
            this.Relation = relation;
            this.Ownership = ownership;
            this.Causes = causes;
        }

        /// <summary>State on entry → states on exit; <see cref="StateRelation.Unknown"/> when the parameter escapes.</summary>
        public StateRelation Relation { get; }

        /// <summary>The parameter's ownership at exit: Disposed, Escaped, Transferred, or Unknown (left alone).</summary>
        public Ownership Ownership { get; }

        /// <summary>The operations inside the callee that moved the parameter (explanations at the call site).</summary>
        public System.Collections.Immutable.ImmutableArray<StateCause> Causes { get; }
    }
}
