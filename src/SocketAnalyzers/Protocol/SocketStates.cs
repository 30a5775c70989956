using System;
using System.Text;

namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// A set of <see cref="SocketState"/>s: the states a socket may be in at one program point.
    /// <see cref="Any"/> is "unknown" — the analysis reports only on sets it knows.
    /// </summary>
    public readonly struct SocketStates : IEquatable<SocketStates>
    {
        private const int AllBits = 0xFF;

        private readonly int bits;

        private SocketStates(int bits) => this.bits = bits & AllBits;

        public static SocketStates None => default;

        /// <summary>Every state: nothing is known about the socket.</summary>
        public static SocketStates Any => new SocketStates(AllBits);

        /// <summary>Every state but <see cref="SocketState.Closed"/>.</summary>
        public static SocketStates Open => Any.Without(SocketState.Closed);

        public bool IsEmpty => this.bits == 0;

        public bool IsAny => this.bits == AllBits;

        public static SocketStates Of(SocketState state) => new SocketStates(1 << (int)state);

        public static SocketStates Of(params SocketState[] states)
        {
            var result = None;
            foreach (var state in states)
            {
                result = result.With(state);
            }

            return result;
        }

        public bool Contains(SocketState state) => (this.bits & (1 << (int)state)) != 0;

        /// <summary>True when every state of this set is also in <paramref name="other"/>.</summary>
        public bool IsSubsetOf(SocketStates other) => (this.bits & ~other.bits) == 0;

        public bool Overlaps(SocketStates other) => (this.bits & other.bits) != 0;

        public SocketStates With(SocketState state) => new SocketStates(this.bits | (1 << (int)state));

        public SocketStates Without(SocketState state) => new SocketStates(this.bits & ~(1 << (int)state));

        public SocketStates Union(SocketStates other) => new SocketStates(this.bits | other.bits);

        public SocketStates Intersect(SocketStates other) => new SocketStates(this.bits & other.bits);

        public bool Equals(SocketStates other) => this.bits == other.bits;

        public override bool Equals(object? obj) => obj is SocketStates other && this.Equals(other);

        public override int GetHashCode() => this.bits;

        public override string ToString()
        {
            if (this.IsAny)
            {
                return "Any";
            }

            var builder = new StringBuilder();
            for (var state = SocketState.Created; state <= SocketState.Closed; state++)
            {
                if (this.Contains(state))
                {
                    builder.Append(builder.Length == 0 ? string.Empty : "|").Append(state);
                }
            }

            return builder.Length == 0 ? "None" : builder.ToString();
        }

        public static bool operator ==(SocketStates left, SocketStates right) => left.Equals(right);

        public static bool operator !=(SocketStates left, SocketStates right) => !left.Equals(right);
    }
}
