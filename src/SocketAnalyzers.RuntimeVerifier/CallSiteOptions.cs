using System;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>What the generator knew about a call site beyond its member.</summary>
    [Flags]
    public enum CallSiteOptions
    {
        None = 0,

        /// <summary>The receiver is an owner's socket (<c>client.Client</c>, <c>listener.Server</c>): its owner is what leaks.</summary>
        Borrowed = 1,

        /// <summary><c>UdpClient.Send</c> with an endpoint or host name: a SendTo, not a Send on a connected client.</summary>
        ExplicitDestination = 2,

        /// <summary>The receiver's origin (<see cref="CallSite.Creation"/>) is an Accept or EndAccept call: "accepted at".</summary>
        AcceptedOrigin = 4,
    }
}
