using System.Diagnostics.Tracing;
using System.Threading;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// Events and counters for <c>dotnet-trace</c> and <c>dotnet-counters</c>
    /// (<c>dotnet-counters monitor -n app --counters SocketAnalyzers-RuntimeVerifier</c>).
    /// </summary>
    [EventSource(Name = SourceName)]
    internal sealed class VerifierEventSource : EventSource
    {
        public const string SourceName = "SocketAnalyzers-RuntimeVerifier";

        public static readonly VerifierEventSource Log = new();

        private long violations;
        private long leaks;
        private PollingCounter? openCounter;
        private PollingCounter? violationCounter;
        private PollingCounter? leakCounter;

        private VerifierEventSource()
        {
        }

        public long Violations => Interlocked.Read(ref this.violations);

        public long Leaks => Interlocked.Read(ref this.leaks);

        [Event(1, Level = EventLevel.Warning, Message = "{0} at {1}: {2}")]
        public void Violation(string ruleId, string site, string report)
        {
            Interlocked.Increment(ref this.violations);
            if (this.IsEnabled())
            {
                this.WriteEvent(1, ruleId, site, report);
            }
        }

        [Event(2, Level = EventLevel.Warning, Message = "{0}, {1}: {2}")]
        public void Leak(string ruleId, string creation, string report)
        {
            Interlocked.Increment(ref this.leaks);
            if (this.IsEnabled())
            {
                this.WriteEvent(2, ruleId, creation, report);
            }
        }

        protected override void OnEventCommand(EventCommandEventArgs command)
        {
            if (command.Command != EventCommand.Enable)
            {
                return;
            }

            this.openCounter ??= new PollingCounter("open-sockets", this, () => SocketVerifier.GetOpenSockets().Count)
            {
                DisplayName = "Sockets open (tracked, not closed)",
            };
            this.violationCounter ??= new PollingCounter("violations", this, () => this.Violations) { DisplayName = "Protocol violations" };
            this.leakCounter ??= new PollingCounter("leaks", this, () => this.Leaks) { DisplayName = "Leaked sockets" };
        }
    }
}
