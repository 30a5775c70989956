using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Net.Sockets;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>What dotnet-trace and dotnet-counters see: the SocketAnalyzers-RuntimeVerifier EventSource.</summary>
    public sealed class EventSourceTests
    {
        [Fact]
        public void Violation_IsWrittenToTheEventSource_WithRuleIdAndSite()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var listener = new VerifierListener();
            using var socket = Loopback.Tcp();
            var before = SocketVerifier.ViolationCount;

            Assert.Throws<SocketException>(() => socket.Receive(new byte[1])); var line = Line();

            var written = Assert.Single(listener.Events, e => e.EventName == "Violation");
            Assert.Equal(DiagnosticIds.SendReceiveOnUnconnectedSocket, written.Payload![0]);
            Assert.StartsWith("EventSourceTests.cs(" + line + ",", (string)written.Payload[1]!, System.StringComparison.Ordinal);
            Assert.Equal(before + 1, SocketVerifier.ViolationCount);
        }

        private sealed class VerifierListener : EventListener
        {
            public ConcurrentQueue<EventWrittenEventArgs> Events { get; } = new();

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                if (eventSource.Name == "SocketAnalyzers-RuntimeVerifier")
                {
                    this.EnableEvents(eventSource, EventLevel.Verbose);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData) => this.Events.Enqueue(eventData);
        }
    }
}
