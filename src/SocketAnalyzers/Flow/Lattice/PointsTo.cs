using System;

namespace SocketAnalyzers.Flow.Lattice
{
    /// <summary>
    /// The tracked objects a variable may refer to, as a bit set over object ids (at most
    /// <see cref="FlowBudget.MaxTrackedObjects"/>), plus one bit for <see langword="null"/> and one for "some value
    /// the analysis does not track". The empty set is "no value yet" (bottom). Joins are unions.
    /// </summary>
    public readonly struct PointsTo : IEquatable<PointsTo>
    {
        private const ulong UntrackedBit = 1UL << 63;
        private const ulong NullBit = 1UL << 62;
        private const ulong SpecialBits = UntrackedBit | NullBit;

        private readonly ulong bits;

        private PointsTo(ulong bits) => this.bits = bits;

        /// <summary>No value: an expression that is not a socket, or bottom.</summary>
        public static PointsTo Nothing => default;

        /// <summary>The <see langword="null"/> reference.</summary>
        public static PointsTo Null => new PointsTo(NullBit);

        /// <summary>True when the value may be <see langword="null"/>.</summary>
        public bool MayBeNull => (this.bits & NullBit) != 0;

        /// <summary>The same set without <see langword="null"/> (on the branch where a null test failed).</summary>
        public PointsTo WithoutNull => new PointsTo(this.bits & ~NullBit);

        /// <summary>A value the analysis does not track: never reported on.</summary>
        public static PointsTo Untracked => new PointsTo(UntrackedBit);

        /// <summary>True when the variable may hold a value the analysis does not track.</summary>
        public bool MayBeUntracked => (this.bits & UntrackedBit) != 0;

        /// <summary>True when no tracked object is in the set (it may still be untracked).</summary>
        public bool HasNoObject => (this.bits & ~SpecialBits) == 0;

        /// <summary>True when the set holds exactly one tracked object and nothing untracked: updates can be strong.</summary>
        public bool IsSingleObject
        {
            get
            {
                var objects = this.bits & ~SpecialBits;
                return (this.bits & UntrackedBit) == 0 && objects != 0 && (objects & (objects - 1)) == 0;
            }
        }

        public static PointsTo Object(int id) => new PointsTo(1UL << id);

        public bool Contains(int id) => (this.bits & (1UL << id)) != 0;

        public PointsTo Union(PointsTo other) => new PointsTo(this.bits | other.bits);

        /// <summary>The same set without object <paramref name="id"/>.</summary>
        public PointsTo Without(int id) => new PointsTo(this.bits & ~(1UL << id));

        /// <summary>The ids of the tracked objects, lowest first, for a <c>foreach</c> without allocation.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this.bits & ~SpecialBits);

        public bool Equals(PointsTo other) => this.bits == other.bits;

        public override bool Equals(object? obj) => obj is PointsTo other && this.Equals(other);

        public override int GetHashCode() => this.bits.GetHashCode();

        /// <summary>Enumerates object ids.</summary>
        public struct Enumerator
        {
            private ulong remaining;

            internal Enumerator(ulong bits)
            {
                this.remaining = bits;
                this.Current = -1;
            }

            public int Current { get; private set; }

            public bool MoveNext()
            {
                if (this.remaining == 0)
                {
                    return false;
                }

                var id = 0;
                while ((this.remaining & (1UL << id)) == 0)
                {
                    id++;
                }

                this.remaining &= ~(1UL << id);
                this.Current = id;
                return true;
            }
        }
    }
}
