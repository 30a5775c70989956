using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// The entry points the generated interceptors call around each real member call: <see cref="Enter(object, CallSite)"/>
    /// checks the call against the protocol before it runs, <see cref="Complete(SocketTracker, CallSite)"/> applies the
    /// transition once it returned. Not meant to be called by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class SocketMonitor
    {
        internal static readonly ConditionalWeakTable<object, SocketTracker> Trackers = new();

        private static int seen;

        /// <summary>True when the verifier checks calls: generated code skips argument-dependent work when it is not.</summary>
        public static bool IsEnabled
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SocketVerifier.Enabled;
        }

        /// <summary>Checks a call before it runs; returns the object's tracker, or null when the verifier is off.</summary>
        /// <remarks>Inlined into each interceptor, so that a disabled verifier costs one static read and a branch.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static SocketTracker? Enter(object self, CallSite site) =>
            SocketVerifier.Enabled ? EnterChecked(self, site, site.Operation) : null;

        /// <summary>Checks a call whose operation depends on an argument (Shutdown, SetSocketOption).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static SocketTracker? Enter(object self, CallSite site, SocketOperation operation) =>
            SocketVerifier.Enabled ? EnterChecked(self, site, operation) : null;

        /// <summary>Applies the transition of a call that returned normally.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Complete(SocketTracker? tracker, CallSite site)
        {
            if (tracker is not null)
            {
                CompleteTracked(tracker, site, site.Operation);
            }
        }

        /// <summary>Applies the transition of a call whose operation depends on an argument.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Complete(SocketTracker? tracker, CallSite site, SocketOperation operation)
        {
            if (tracker is not null)
            {
                CompleteTracked(tracker, site, operation);
            }
        }

        /// <summary>Registers the object an Accept call returned, with the accept site as its origin.</summary>
        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(accepted))]
        public static T? Accepted<T>(T? accepted, CallSite site)
            where T : class
        {
            if (SocketVerifier.Enabled && accepted is not null && !Trackers.TryGetValue(accepted, out _))
            {
                Register(accepted, site, new CreationInfo("accepted", new SourceLocation(site.File, site.Line, site.Column), site.Api + "." + site.Member, null));
            }

            return accepted;
        }

        /// <summary>
        /// Registers the object a Task-returning Accept (<c>AcceptTcpClientAsync()</c>, …) completes with, with the accept
        /// site as its origin. Returns the very task the member returned: what the program awaits does not change. (A
        /// ValueTask cannot be observed without consuming it, so those accepts are known from their first call.)
        /// </summary>
        public static Task<T> AcceptedAsync<T>(Task<T> accepting, CallSite site)
            where T : class
        {
            if (SocketVerifier.Enabled && accepting is not null)
            {
                _ = accepting.ContinueWith(
                    static (task, state) => Accepted(task.Result, (CallSite)state!),
                    site,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously | TaskContinuationOptions.OnlyOnRanToCompletion,
                    TaskScheduler.Default);
            }

            return accepting!;
        }

        private static SocketTracker? EnterChecked(object self, CallSite site, SocketOperation operation)
        {
            if (self is null)
            {
                // A null receiver: the real call is about to throw its own NullReferenceException.
                return null;
            }

            if (!Trackers.TryGetValue(self, out var tracker))
            {
                tracker = FirstSeen(self, site);
            }

            tracker.Record(site, operation);
            var states = tracker.States;
            if (states.IsSubsetOf(ProtocolIndex.ForbiddenStates(site.Api, operation, tracker.Transport)) && !states.IsEmpty)
            {
                Check(tracker, site, operation);
            }

            return tracker;
        }

        private static void CompleteTracked(SocketTracker tracker, CallSite site, SocketOperation operation)
        {
            // An asynchronous member returned before its operation finished: its transition is left to the
            // resynchronisation (Connected, IsBound) rather than guessed. Closing is the exception: it takes effect at once.
            if (site.IsAsync && operation != SocketOperation.Close)
            {
                return;
            }

            tracker.States = ProtocolIndex.Apply(site.Api, operation, tracker.States, tracker.Transport);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SocketTracker FirstSeen(object self, CallSite site)
        {
            var creation = site.Creation is { } created
                ? new CreationInfo((site.Options & CallSiteOptions.AcceptedOrigin) != 0 ? "accepted" : "created", created, site.CreationMember, null)
                : new CreationInfo("first seen", new SourceLocation(site.File, site.Line, site.Column), site.Api + "." + site.Member, null);
            return Register(self, site, creation);
        }

        private static SocketTracker Register(object self, CallSite site, CreationInfo creation)
        {
            var options = SocketVerifier.Options;
            var api = ApiOf(self, site.Api);
            // Fresh (just constructed) only when a `new` made it: a factory may return it bound or connected.
            var states = SocketObserver.Observe(api, self, fresh: site.Creation is not null && site.CreationMember is null && creation.How == "created");
            SocketTracker candidate;
            if (WatchForLeaks(self, site, states, options))
            {
                if (options.LeakDetection == LeakDetectionLevel.Full)
                {
                    creation = creation with { StackTrace = new StackTrace(2, fNeedFileInfo: true).ToString() };
                }

                candidate = new LeakTracker(self, api, states, creation, options.HistoryLength);
            }
            else
            {
                candidate = new SocketTracker(self, api, states, creation, options.HistoryLength);
            }

            if (Trackers.TryAdd(self, candidate))
            {
                return candidate;
            }

            // Another thread registered the object first: use its tracker, and make sure ours never reports.
            candidate.Discard();
            return Trackers.TryGetValue(self, out var winner) ? winner : candidate;
        }

        private static bool WatchForLeaks(object self, CallSite site, SocketStates states, VerifierOptions options)
        {
            if (options.LeakDetection == LeakDetectionLevel.Off
                || (site.Options & CallSiteOptions.Borrowed) != 0
                || self is System.Net.Sockets.NetworkStream
                || states == SocketStates.Of(SocketState.Closed))
            {
                return false;
            }

            return options.LeakDetection == LeakDetectionLevel.Full
                || Interlocked.Increment(ref seen) % options.LeakSampleInterval == 0;
        }

        /// <summary>The API the object follows: a Stream-declared member called on a NetworkStream says Stream, not the object.</summary>
        private static SocketApi ApiOf(object self, SocketApi fallback) => self switch
        {
            System.Net.Sockets.Socket => SocketApi.Socket,
            System.Net.Sockets.TcpListener => SocketApi.TcpListener,
            System.Net.Sockets.TcpClient => SocketApi.TcpClient,
            System.Net.Sockets.UdpClient => SocketApi.UdpClient,
            System.Net.Sockets.NetworkStream => SocketApi.NetworkStream,
            _ => fallback,
        };

        /// <summary>
        /// The slow path, taken only when the tracked states may violate a rule: the rule is confirmed against the
        /// object's observable state (a transition made where nothing was intercepted must not cause a report).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Check(SocketTracker tracker, CallSite site, SocketOperation operation)
        {
            if (ProtocolTable.FindViolation(site.Api, operation, tracker.States, tracker.Kind) is null)
            {
                return;
            }

            var before = tracker.States;
            var states = SocketObserver.Resynchronise(tracker.Api, before, SocketObserver.Observe(tracker.Api, tracker.Target, fresh: false));
            tracker.States = states;
            if (ProtocolTable.FindViolation(site.Api, operation, states, tracker.Kind) is not { } rule || !tracker.MarkReported(site))
            {
                return;
            }

            Reporter.ReportViolation(new SocketViolation(rule, site, operation, tracker.Transport, states, tracker.Creation, tracker.History(), System.Environment.CurrentManagedThreadId));
        }
    }
}
