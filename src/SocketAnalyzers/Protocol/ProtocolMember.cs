namespace SocketAnalyzers.Protocol
{
    /// <summary>One public member (all its overloads) of a socket API type and what it does to the protocol.</summary>
    public sealed class ProtocolMember
    {
        public ProtocolMember(SocketApi api, string name, SocketOperation operation, ApiTraits traits, string? asyncCounterpart)
        {
            this.Api = api;
            this.Name = name;
            this.Operation = operation;
            this.Traits = traits;
            this.AsyncCounterpart = asyncCounterpart;
        }

        public SocketApi Api { get; }

        /// <summary>The member name; a property's name stands for its setter.</summary>
        public string Name { get; }

        /// <summary>The operation; refined from arguments for Shutdown, SetSocketOption and UdpClient.Send.</summary>
        public SocketOperation Operation { get; }

        public ApiTraits Traits { get; }

        /// <summary>The asynchronous member to use instead, for <see cref="ApiTraits.Blocking"/> members.</summary>
        public string? AsyncCounterpart { get; }

        public bool Has(ApiTraits trait) => (this.Traits & trait) == trait;
    }
}
