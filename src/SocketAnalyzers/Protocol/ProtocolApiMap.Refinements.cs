namespace SocketAnalyzers.Protocol
{
    /// <summary>Operations that depend on an argument's value, and the state a constructor leaves an object in.</summary>
    public static partial class ProtocolApiMap
    {
        // Enum values of System.Net.Sockets, stable since .NET Framework 1.1.
        private const int SocketShutdownReceive = 0;
        private const int SocketShutdownSend = 1;
        private const int SocketShutdownBoth = 2;
        private const int SocketOptionLevelSocket = 0xFFFF;
        private const int SocketOptionLevelIPv6 = 41;
        private const int SocketOptionNameReuseAddress = 4;
        private const int SocketOptionNameIPv6Only = 27;

        /// <summary><c>Shutdown(how)</c>: the direction when <paramref name="how"/> is a constant.</summary>
        public static SocketOperation ShutdownOperation(int? how) => how switch
        {
            SocketShutdownReceive => SocketOperation.ShutdownReceive,
            SocketShutdownSend => SocketOperation.ShutdownSend,
            SocketShutdownBoth => SocketOperation.ShutdownBoth,
            _ => SocketOperation.Shutdown,
        };

        /// <summary>
        /// <c>SetSocketOption(level, name, …)</c>: only ReuseAddress and IPv6Only (DualMode) depend on the state;
        /// every other option works in every state (F5–F7). SetSocketOption(Socket, ExclusiveAddressUse) is not the
        /// ExclusiveAddressUse property: it throws nothing after Bind, Listen or Connect (ground-truth tests).
        /// </summary>
        public static SocketOperation SetSocketOptionOperation(int? level, int? name)
        {
            if (level == SocketOptionLevelSocket && name == SocketOptionNameReuseAddress)
            {
                return SocketOperation.SetReuseAddress;
            }

            if (level == SocketOptionLevelIPv6 && name == SocketOptionNameIPv6Only)
            {
                return SocketOperation.SetPreBindOption;
            }

            return SocketOperation.None;
        }

        /// <summary><c>UdpClient.Send</c>: with an endpoint or host name it is a SendTo; without, it needs a default remote (J8).</summary>
        public static SocketOperation UdpSendOperation(bool hasExplicitDestination) =>
            hasExplicitDestination ? SocketOperation.SendTo : SocketOperation.Send;

        /// <summary>
        /// The state a constructor leaves its object in, from the constructor's parameter types
        /// (simple names, e.g. <c>"String", "Int32"</c>).
        /// </summary>
        public static SocketState ConstructedState(SocketApi api, string[] parameterTypes) => api switch
        {
            // new TcpClient(host, port) connects; new TcpClient(localEP) binds.
            SocketApi.TcpClient when Is(parameterTypes, "String", "Int32") => SocketState.Connected,
            SocketApi.TcpClient when Is(parameterTypes, "IPEndPoint") => SocketState.Bound,

            // new UdpClient(port[, family]) and new UdpClient(localEP) bind; new UdpClient(host, port) connects.
            SocketApi.UdpClient when Is(parameterTypes, "Int32") || Is(parameterTypes, "Int32", "AddressFamily") || Is(parameterTypes, "IPEndPoint") => SocketState.Bound,
            SocketApi.UdpClient when Is(parameterTypes, "String", "Int32") => SocketState.Connected,

            // A NetworkStream exists only over a connected socket (its constructor throws otherwise, J6).
            SocketApi.NetworkStream => SocketState.Connected,
            _ => SocketState.Created,
        };

        private static bool Is(string[] actual, params string[] expected)
        {
            if (actual.Length != expected.Length)
            {
                return false;
            }

            for (var i = 0; i < actual.Length; i++)
            {
                if (actual[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
