using Microsoft.CodeAnalysis;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.Flow.Lattice
{
    /// <summary>
    /// Why a tracked object may be in <see cref="State"/>: the operation that moved it there (a Bind, a Close,
    /// the construction). Diagnostics show it as an additional location and name it in the message.
    /// </summary>
    public readonly struct StateCause : System.IEquatable<StateCause>
    {
        public StateCause(SocketState state, IOperation operation)
        {
            this.State = state;
            this.Operation = operation;
        }

        public SocketState State { get; }

        public IOperation Operation { get; }

        public bool Equals(StateCause other) => this.State == other.State && ReferenceEquals(this.Operation, other.Operation);

        public override bool Equals(object? obj) => obj is StateCause other && this.Equals(other);

        public override int GetHashCode() => ((int)this.State * 397) ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this.Operation);
    }
}
