using System.Collections.Generic;
using System.Text;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// A socket-like object that became unreachable while still open: nothing closed or disposed it. Reported from
    /// the finalizer thread before the socket's own finalizer runs, under the static rule's ID (SOCK201).
    /// </summary>
    public sealed class SocketLeak
    {
        internal SocketLeak(SocketApi api, SocketTransport transport, SocketStates states, CreationInfo creation, IReadOnlyList<SocketAccess> history)
        {
            this.Api = api;
            this.Transport = transport;
            this.States = states;
            this.Creation = creation;
            this.History = history;
        }

        /// <summary>The ID of the static rule for an undisposed socket.</summary>
        public string RuleId => Diagnostics.DiagnosticIds.SocketNotDisposed;

        public SocketApi Api { get; }

        public SocketTransport Transport { get; }

        public SocketStates States { get; }

        public CreationInfo Creation { get; }

        public IReadOnlyList<SocketAccess> History { get; }

        public string ToSingleLine()
        {
            var text = new StringBuilder();
            text.Append(this.Creation.Location).Append(": ").Append(this.RuleId).Append(": a ")
                .Append(ReportText.Kind(this.Api, this.Transport)).Append(" in state ").Append(this.States)
                .Append(" was garbage-collected without Close or Dispose; ").Append(this.Creation).Append("; history: ");
            ReportText.AppendHistory(text, this.History);
            return text.ToString();
        }

        public override string ToString()
        {
            var text = new StringBuilder(this.ToSingleLine()).Append('\n');
            if (this.Creation.StackTrace is { } stack)
            {
                text.Append("  first seen from:\n").Append(stack);
            }

            return text.ToString();
        }
    }
}
