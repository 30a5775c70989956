using System.Collections.Generic;
using System.Text;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>A call that breaks the socket protocol, as the static rule with the same ID describes it.</summary>
    public sealed class SocketViolation
    {
        internal SocketViolation(ProtocolRule rule, CallSite site, SocketOperation operation, SocketTransport transport, SocketStates states, CreationInfo creation, IReadOnlyList<SocketAccess> history, int threadId)
        {
            this.RuleId = rule.DiagnosticId;
            this.Outcome = rule.Outcome;
            this.Scenarios = rule.Scenarios;
            this.Site = site;
            this.Operation = operation;
            this.Transport = transport;
            this.States = states;
            this.Creation = creation;
            this.History = history;
            this.ThreadId = threadId;
        }

        /// <summary>The SOCK ID of the static rule for the same mistake (SOCK101–SOCK111).</summary>
        public string RuleId { get; }

        /// <summary>What the call does, as measured: "throws InvalidOperationException".</summary>
        public string Outcome { get; }

        /// <summary>The measured scenarios behind the rule (docs/protocol.md).</summary>
        public string Scenarios { get; }

        public CallSite Site { get; }

        public SocketOperation Operation { get; }

        public SocketTransport Transport { get; }

        /// <summary>The states the object was in when the call was made.</summary>
        public SocketStates States { get; }

        public CreationInfo Creation { get; }

        /// <summary>The object's most recent calls, oldest first, this one included.</summary>
        public IReadOnlyList<SocketAccess> History { get; }

        public int ThreadId { get; }

        /// <summary>The one-line form written to stderr: position first, so that terminals and CI logs link it.</summary>
        public string ToSingleLine()
        {
            var text = new StringBuilder();
            text.Append(this.Site).Append(": ").Append(this.RuleId).Append(": ").Append(this.Describe())
                .Append("; ").Append(this.Creation).Append("; history: ");
            ReportText.AppendHistory(text, this.History);
            return text.ToString();
        }

        /// <summary>The multi-line form, with the history one call per line.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(this.RuleId).Append(" at ").Append(this.Site).Append(": ").Append(this.Describe()).Append('\n')
                .Append("  ").Append(this.Creation).Append('\n')
                .Append("  recent calls (oldest first):\n");
            foreach (var access in this.History)
            {
                text.Append("    ").Append(access).Append('\n');
            }

            if (this.Creation.StackTrace is { } stack)
            {
                text.Append("  first seen from:\n").Append(stack);
            }

            return text.ToString();
        }

        private string Describe() =>
            this.Site.Api + "." + this.Site.Member + " on a " + ReportText.Kind(this.Site.Api, this.Transport) + " in state " + this.States
            + " " + this.Outcome + " [" + this.Scenarios + "]";
    }
}
