using System;
using System.Threading;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// What the verifier knows about one socket-like object: its possible states, its transport, where it came from
    /// and its recent calls. Lives as the object's value in a ConditionalWeakTable, so it never keeps the object
    /// alive (the table's entries are ephemerons: a value that points back at its key does not hold it).
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public class SocketTracker
    {
        private readonly SocketAccess[] history;
        private readonly int historyMask;
        private int recorded;
        private CallSite[]? reportedSites;

        internal SocketTracker(object target, SocketApi api, SocketStates states, CreationInfo creation, int historyLength)
        {
            this.Target = target;
            this.Api = api;
            this.States = states;
            this.Kind = SocketObserver.KindOf(target);
            this.Creation = creation;
            // A power of two, so that the ring index is a mask, not a division, on every call.
            var length = 1;
            while (length < historyLength)
            {
                length <<= 1;
            }

            this.history = new SocketAccess[length];
            this.historyMask = length - 1;
            this.HistoryLength = historyLength;
        }

        internal object Target { get; }

        /// <summary>How many calls reports show (the ring may hold a few more).</summary>
        internal int HistoryLength { get; }

        internal SocketApi Api { get; }

        /// <summary>Transport and address family, read from the live object when first seen.</summary>
        internal SocketKind Kind { get; }

        internal SocketTransport Transport => this.Kind.Transport;

        internal CreationInfo Creation { get; }

        /// <summary>
        /// The states the object may be in. A 4-byte value, so reads and writes are atomic; two threads racing on
        /// one object may lose a transition, which the resynchronisation before any report makes good.
        /// </summary>
        internal SocketStates States { get; set; }

        /// <summary>
        /// Remembers a call. Deliberately not synchronised: two threads calling at the same instant may overwrite one
        /// entry, which costs a line of history, never a wrong verdict (verdicts come from <see cref="States"/>).
        /// </summary>
        internal void Record(CallSite site, SocketOperation operation)
        {
            var index = this.recorded++;
            this.history[index & this.historyMask] = new SocketAccess(site, operation, Environment.CurrentManagedThreadId);
        }

        /// <summary>The recorded calls, oldest first.</summary>
        internal SocketAccess[] History()
        {
            var recorded = Volatile.Read(ref this.recorded);
            var count = Math.Min(recorded, this.HistoryLength);
            var result = new SocketAccess[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = this.history[(recorded - count + i) & this.historyMask];
            }

            return result;
        }

        /// <summary>True the first time a violation is reported at <paramref name="site"/> for this object: one report per site.</summary>
        internal bool MarkReported(CallSite site)
        {
            lock (this.history)
            {
                var sites = this.reportedSites ?? Array.Empty<CallSite>();
                if (Array.IndexOf(sites, site) >= 0)
                {
                    return false;
                }

                Array.Resize(ref sites, sites.Length + 1);
                sites[^1] = site;
                this.reportedSites = sites;
                return true;
            }
        }

        /// <summary>A tracker created in a race and not stored: it must never report a leak.</summary>
        internal virtual void Discard()
        {
        }
    }
}
