using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>Loopback endpoints and timeouts for socket tests: nothing leaves the machine, nothing waits forever.</summary>
    internal static class Loopback
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        public static IPEndPoint AnyPort => new(IPAddress.Loopback, 0);

        public static Socket Tcp() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            ReceiveTimeout = (int)Timeout.TotalMilliseconds,
            SendTimeout = (int)Timeout.TotalMilliseconds,
        };

        public static Socket Udp() => new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveTimeout = (int)Timeout.TotalMilliseconds,
        };

        public static CancellationToken Cancellation() => new CancellationTokenSource(Timeout).Token;
    }
}
