using System.Collections.Generic;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>A tracked socket-like object that is still open, from <see cref="SocketVerifier.GetOpenSockets"/>.</summary>
    public sealed record OpenSocket(SocketApi Api, SocketTransport Transport, SocketStates States, CreationInfo Creation, IReadOnlyList<SocketAccess> History)
    {
        public override string ToString() => ReportText.Kind(this.Api, this.Transport) + " in state " + this.States + ", " + this.Creation;
    }
}
