namespace SocketAnalyzers.Protocol
{
    /// <summary>
    /// One edge of the state machine: an operation moves an API object from one state to another
    /// (optionally only on one transport). States without an edge for an operation keep their state.
    /// </summary>
    public sealed class ProtocolTransition
    {
        public ProtocolTransition(SocketApi api, SocketOperation operation, SocketState from, SocketState to, SocketTransport? transport = null)
        {
            this.Api = api;
            this.Operation = operation;
            this.From = from;
            this.To = to;
            this.Transport = transport;
        }

        public SocketApi Api { get; }

        public SocketOperation Operation { get; }

        public SocketState From { get; }

        public SocketState To { get; }

        public SocketTransport? Transport { get; }

        public bool AppliesTo(SocketTransport transport) => this.Transport is not { } required || required == transport;
    }
}
