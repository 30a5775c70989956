using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace SocketAnalyzers.RuntimeVerifier.Generator
{
    /// <summary>An immutable array compared by content, so that pipeline values cache across edits.</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
        where T : IEquatable<T>
    {
        private readonly ImmutableArray<T> items;

        public EquatableArray(ImmutableArray<T> items) => this.items = items;

        public int Length => this.items.IsDefault ? 0 : this.items.Length;

        public T this[int index] => this.items[index];

        public bool Equals(EquatableArray<T> other)
        {
            if (this.Length != other.Length)
            {
                return false;
            }

            for (var i = 0; i < this.Length; i++)
            {
                if (!this.items[i].Equals(other.items[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && this.Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            for (var i = 0; i < this.Length; i++)
            {
                hash = (hash * 31) + this.items[i].GetHashCode();
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(this.items.IsDefault ? ImmutableArray<T>.Empty : this.items)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => this.GetEnumerator();
    }
}
