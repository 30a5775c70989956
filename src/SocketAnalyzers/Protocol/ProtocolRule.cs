namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// One "illegal" entry of the protocol: an operation on an API object, in a set of states
    /// (and, optionally, on one transport), with the diagnostic that reports it and what really happens.
    /// </summary>
    public sealed class ProtocolRule
    {
        public ProtocolRule(string diagnosticId, SocketApi api, SocketOperation operation, SocketStates states, SocketTransport? transport, string outcome, string scenarios, SocketFamily? exceptFamily = null)
        {
            this.ExceptFamily = exceptFamily;
            this.DiagnosticId = diagnosticId;
            this.Api = api;
            this.Operation = operation;
            this.States = states;
            this.Transport = transport;
            this.Outcome = outcome;
            this.Scenarios = scenarios;
        }

        /// <summary>The SOCK ID that reports this entry, statically and at run time.</summary>
        public string DiagnosticId { get; }

        public SocketApi Api { get; }

        public SocketOperation Operation { get; }

        /// <summary>The states in which the operation fails. A socket must be in one of them on every path.</summary>
        public SocketStates States { get; }

        /// <summary>The transport the entry is restricted to; <see langword="null"/> for every transport.</summary>
        public SocketTransport? Transport { get; }

        /// <summary>
        /// A family on which the entry was measured NOT to fail; <see langword="null"/> when it fails on every family.
        /// The entry then applies only to sockets whose family is known to be another one.
        /// </summary>
        public SocketFamily? ExceptFamily { get; }

        /// <summary>
        /// What happens, as measured, as a verb phrase: "throws SocketException (InvalidArgument)"; measured exceptions
        /// for some members or kinds follow after "; " ("…; SendFile: throws NotSupportedException"). The ground-truth
        /// tests parse and check every phrase (grammar in tests/SocketAnalyzers.GroundTruth.Tests/README.md).
        /// </summary>
        public string Outcome { get; }

        /// <summary>The measured scenarios the entry stands on (ids of the socket-semantics tables).</summary>
        public string Scenarios { get; }

        /// <summary>
        /// True when a socket whose states are all in <paramref name="states"/> and whose kind is
        /// <paramref name="kind"/> fails this way on every path: a "must" violation.
        /// </summary>
        public bool Matches(SocketStates states, SocketKind kind) =>
            !states.IsEmpty
            && states.IsSubsetOf(this.States)
            && (this.Transport is not { } required || required == kind.Transport)
            && (this.ExceptFamily is not { } excluded || (kind.Family != excluded && kind.Family != SocketFamily.Unknown));
    }
}
