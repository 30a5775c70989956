using Microsoft.CodeAnalysis;
using SocketAnalyzers.Flow.Lattice;

namespace SocketAnalyzers.Flow.Tracking
{
    /// <summary>
    /// A write to an instance field or auto-property of <c>this</c> that holds a socket type (<c>this.f = value</c>),
    /// with what the field held just before, as the replay saw it: the unit the field rules check (a store that
    /// replaces or drops a socket still open, SOCK201).
    /// </summary>
    public sealed class FieldStore
    {
        internal FieldStore(IOperation assignment, ISymbol member, PointsTo stored, PointsTo previous, bool previousIsEntryValue, Ownership previousOwnership, bool previousAliased)
        {
            this.Assignment = assignment;
            this.Member = member;
            this.Stored = stored;
            this.Previous = previous;
            this.PreviousIsEntryValue = previousIsEntryValue;
            this.PreviousOwnership = previousOwnership;
            this.PreviousAliased = previousAliased;
        }

        /// <summary>The assignment (its target is the member).</summary>
        public IOperation Assignment { get; }

        /// <summary>The field, or the auto-property.</summary>
        public ISymbol Member { get; }

        /// <summary>The objects written (<see cref="PointsTo.Null"/> for <c>f = null</c>).</summary>
        public PointsTo Stored { get; }

        /// <summary>The objects the member held before the write (after null tests narrowed it).</summary>
        public PointsTo Previous { get; }

        /// <summary>The body had neither read nor written the member before: it holds whatever it held at entry.</summary>
        public bool PreviousIsEntryValue { get; }

        /// <summary>The join of the ownership of <see cref="Previous"/>'s objects (None when it held none).</summary>
        public Ownership PreviousOwnership { get; }

        /// <summary>Some other variable (a local, a parameter, another member) still refers to a previous object.</summary>
        public bool PreviousAliased { get; }
    }
}
