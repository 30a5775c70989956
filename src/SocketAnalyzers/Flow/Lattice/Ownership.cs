using System;

namespace SocketAnalyzers.Flow.Lattice
{
    /// <summary>
    /// Who is responsible for disposing a tracked object, as a set: a join keeps every possibility, so
    /// <c>Owned | Disposed</c> reads "disposed on some paths only". The lifetime rules read it at method exits.
    /// </summary>
    [Flags]
    public enum Ownership
    {
        /// <summary>Bottom: no path has reached the object yet.</summary>
        None = 0,

        /// <summary>Created or accepted here: this method must dispose it or hand it off.</summary>
        Owned = 1,

        /// <summary>Stored where this method cannot see it (field, array, collection, lambda capture, unknown callee).</summary>
        Escaped = 2,

        /// <summary>Handed to a new owner explicitly: returned, assigned to an out parameter, wrapped by an owning object.</summary>
        Transferred = 4,

        /// <summary>Closed or disposed here.</summary>
        Disposed = 8,

        /// <summary>Not this method's to dispose, or nothing is known: parameters, fields, results of unknown methods.</summary>
        Unknown = 16,

        /// <summary>
        /// Stored in an instance field or auto-property of <c>this</c>: the object under analysis holds it. Like
        /// <see cref="Escaped"/> it ends this method's obligation; unlike it, the analysis keeps following the value
        /// through the field (a constructor that throws after storing it leaks it; a second store replaces it).
        /// </summary>
        Held = 32,
    }
}
