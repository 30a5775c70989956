using System.Collections.Immutable;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// What a method of this compilation does to its socket parameters and what it returns, computed once per
    /// compilation and replayed at every call site.
    /// </summary>
    public sealed class MethodSummary
    {
        internal MethodSummary(ImmutableArray<ParameterEffect?> parameters, SocketValue? returned, bool touchesMembers)
        {
            this.Parameters = parameters;
            this.Returned = returned;
            this.TouchesMembers = touchesMembers;
        }

        /// <summary>Per parameter ordinal: the effect on a socket parameter, <see langword="null"/> for others.</summary>
        public ImmutableArray<ParameterEffect?> Parameters { get; }

        /// <summary>
        /// The value of the returned object when every return hands back an object created in the method;
        /// <see langword="null"/> otherwise (the caller treats the result as unknown).
        /// </summary>
        public SocketValue? Returned { get; }

        /// <summary>True when the method may change fields or properties (it is an instance method, or calls unknown code).</summary>
        public bool TouchesMembers { get; }
    }
}
