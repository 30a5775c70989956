using System;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// Thrown in <see cref="ReportMode.Throw"/> before a call that breaks the protocol runs, so that a test fails at
    /// the mistake with its rule ID and history, even where the real call would have failed silently (SOCK103, SOCK108).
    /// </summary>
    public sealed class SocketProtocolViolationException : Exception
    {
        public SocketProtocolViolationException(SocketViolation violation)
            : base(violation?.ToString())
        {
            this.Violation = violation ?? throw new ArgumentNullException(nameof(violation));
        }

        public SocketViolation Violation { get; }
    }
}
