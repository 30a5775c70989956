using System;
using System.Collections.Generic;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// The verifier's public face: its settings, handlers for reports (<see cref="ReportMode.Callback"/>), counters,
    /// and the list of sockets still open. Configured from runtimeconfig.json or environment variables at start-up
    /// (<see cref="VerifierOptions"/>); nothing here needs to be called for the verifier to work.
    /// </summary>
    public static class SocketVerifier
    {
        private static VerifierOptions options = VerifierOptions.FromEnvironment();

        /// <summary>Read by every interceptor: a plain static field, so that a disabled verifier costs one load and a branch.</summary>
        internal static bool Enabled = options.Mode != ReportMode.Off;

        /// <summary>Raised for every violation, in every mode but Off, on the thread that made the call.</summary>
        public static event EventHandler<SocketViolation>? ViolationReported;

        /// <summary>Raised for every leak, on the finalizer thread: handlers must be quick and must not throw.</summary>
        public static event EventHandler<SocketLeak>? LeakReported;

        public static VerifierOptions Options => options;

        /// <summary>Violations reported since start-up.</summary>
        public static long ViolationCount => VerifierEventSource.Log.Violations;

        /// <summary>Leaks reported since start-up.</summary>
        public static long LeakCount => VerifierEventSource.Log.Leaks;

        /// <summary>Replaces the settings read at start-up (for test suites that want <see cref="ReportMode.Throw"/>).</summary>
        public static void Configure(VerifierOptions newOptions)
        {
            options = newOptions ?? throw new ArgumentNullException(nameof(newOptions));
            Enabled = newOptions.Mode != ReportMode.Off;
        }

        /// <summary>
        /// The tracked objects not known to be closed, with their origin and recent calls: what is still open at
        /// process exit, where finalizers do not run. Reads each object's state, so it costs a system call per object.
        /// </summary>
        public static IReadOnlyList<OpenSocket> GetOpenSockets()
        {
            var open = new List<OpenSocket>();
            foreach (var entry in (IEnumerable<KeyValuePair<object, SocketTracker>>)SocketMonitor.Trackers)
            {
                var tracker = entry.Value;
                try
                {
                    if (tracker.States != SocketStates.Of(SocketState.Closed) && SocketObserver.IsOpen(entry.Key))
                    {
                        open.Add(new OpenSocket(tracker.Api, tracker.Transport, tracker.States, tracker.Creation, tracker.History()));
                    }
                }
                catch (Exception)
                {
                    // An object torn down concurrently is not open.
                }
            }

            return open;
        }

        internal static void RaiseViolation(SocketViolation violation) => Invoke(ViolationReported, violation);

        internal static void RaiseLeak(SocketLeak leak) => Invoke(LeakReported, leak);

        private static void Invoke<T>(EventHandler<T>? handlers, T report)
        {
            if (handlers is null)
            {
                return;
            }

            foreach (EventHandler<T> handler in handlers.GetInvocationList())
            {
                try
                {
                    handler(null, report);
                }
                catch (Exception)
                {
                    // A failing handler must neither hide the report from the others nor change the program.
                }
            }
        }
    }
}
