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
        private int recorded;
        private CallSite[]? reportedSites;

        internal SocketTracker(object target, SocketApi api, SocketStates states, CreationInfo creation, int historyLength)
        {
            this.Target = target;
            this.Api = api;
            this.States = states;
            this.Transport = SocketObserver.TransportOf(target);
            this.Creation = creation;
            this.history = new SocketAccess[historyLength];
        }

        internal object Target { get; }

        internal SocketApi Api { get; }

        internal SocketTransport Transport { get; }

        internal CreationInfo Creation { get; }

        /// <summary>
        /// The states the object may be in. A 4-byte value, so reads and writes are atomic; two threads racing on
        /// one object may lose a transition, which the resynchronisation before any report makes good.
        /// </summary>
        internal SocketStates States { get; set; }

        internal void Record(CallSite site, SocketOperation operation)
        {
            var index = Interlocked.Increment(ref this.recorded) - 1;
            this.history[index % this.history.Length] = new SocketAccess(site, operation, Environment.CurrentManagedThreadId);
        }

        /// <summary>The recorded calls, oldest first.</summary>
        internal SocketAccess[] History()
        {
            var count = Math.Min(Volatile.Read(ref this.recorded), this.history.Length);
            var start = Volatile.Read(ref this.recorded) - count;
            var result = new SocketAccess[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = this.history[(start + i) % this.history.Length];
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
