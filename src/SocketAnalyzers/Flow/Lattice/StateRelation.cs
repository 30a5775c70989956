using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Lattice
{
    /// <summary>
    /// For each state an object may have had on entry to a method, the states it may have now: eight rows of eight
    /// bits in one <see cref="ulong"/>. Method summaries use it to replay a callee's effect on a parameter at each
    /// call site exactly, because every protocol transition acts on states one by one.
    /// </summary>
    public readonly struct StateRelation : System.IEquatable<StateRelation>
    {
        private const int Rows = 8;

        private readonly ulong bits;

        private StateRelation(ulong bits) => this.bits = bits;

        /// <summary>Each state maps to itself: nothing has happened yet.</summary>
        public static StateRelation Identity
        {
            get
            {
                ulong bits = 0;
                for (var row = 0; row < Rows; row++)
                {
                    bits |= (ulong)(1 << row) << (row * 8);
                }

                return new StateRelation(bits);
            }
        }

        /// <summary>Every state maps to every state: the callee's effect is not known.</summary>
        public static StateRelation Unknown => new StateRelation(ulong.MaxValue);

        public bool IsEmpty => this.bits == 0;

        public SocketStates Row(SocketState from) => SocketStatesFromBits((int)((this.bits >> ((int)from * 8)) & 0xFF));

        /// <summary>The states after the method, for an object in <paramref name="before"/> when it was called.</summary>
        public SocketStates Image(SocketStates before)
        {
            var result = SocketStates.None;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (before.Contains(state))
                {
                    result = result.Union(this.Row(state));
                }
            }

            return result;
        }

        /// <summary>Applies a protocol operation to every row.</summary>
        public StateRelation Apply(SocketApi api, SocketOperation operation, SocketTransport transport)
        {
            ulong bits = 0;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                var row = this.Row(state);
                if (!row.IsEmpty)
                {
                    bits |= (ulong)BitsOf(ProtocolTable.Apply(api, operation, row, transport)) << ((int)state * 8);
                }
            }

            return new StateRelation(bits);
        }

        /// <summary>This relation followed by <paramref name="next"/> (a callee's effect on a parameter being summarised).</summary>
        public StateRelation Then(StateRelation next)
        {
            ulong bits = 0;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                var row = this.Row(state);
                if (!row.IsEmpty)
                {
                    bits |= (ulong)BitsOf(next.Image(row)) << ((int)state * 8);
                }
            }

            return new StateRelation(bits);
        }

        /// <summary>Keeps, in every row, only the states of <paramref name="keep"/> (a narrowing test held).</summary>
        public StateRelation Narrow(SocketStates keep)
        {
            var mask = (ulong)BitsOf(keep);
            mask |= mask << 8;
            mask |= mask << 16;
            mask |= mask << 32;
            return new StateRelation(this.bits & mask);
        }

        public StateRelation Union(StateRelation other) => new StateRelation(this.bits | other.bits);

        public bool Equals(StateRelation other) => this.bits == other.bits;

        public override bool Equals(object? obj) => obj is StateRelation other && this.Equals(other);

        public override int GetHashCode() => this.bits.GetHashCode();

        private static int BitsOf(SocketStates states)
        {
            var bits = 0;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (states.Contains(state))
                {
                    bits |= 1 << (int)state;
                }
            }

            return bits;
        }

        private static SocketStates SocketStatesFromBits(int bits)
        {
            var result = SocketStates.None;
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if ((bits & (1 << (int)state)) != 0)
                {
                    result = result.With(state);
                }
            }

            return result;
        }
    }
}
