namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>What the verifier does with a violation (configuration key <c>SocketAnalyzers.RuntimeVerifier.Mode</c>).</summary>
    public enum ReportMode
    {
        /// <summary>Checks nothing: every interceptor only forwards the call.</summary>
        Off = 0,

        /// <summary>Writes one line to stderr and an event to the EventSource, then lets the call run as it would.</summary>
        Log,

        /// <summary>Throws <see cref="SocketProtocolViolationException"/> before the call runs: for test suites.</summary>
        Throw,

        /// <summary>Only invokes the handlers registered on <see cref="SocketVerifier"/> (and the EventSource).</summary>
        Callback,
    }
}
