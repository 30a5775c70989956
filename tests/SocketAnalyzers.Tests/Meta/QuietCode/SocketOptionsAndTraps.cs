using System.Net;
using System.Net.Sockets;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>
    /// Options set in the state where they take effect, and the legal calls that look wrong (measured on Linux):
    /// Listen twice, Shutdown twice, Dispose twice, a UDP socket connected twice, SendTo on an unbound UDP socket.
    /// </summary>
    public static class SocketOptionsAndTraps
    {
        /// <summary>A dual-mode IPv6 listener: DualMode, ReuseAddress and ExclusiveAddressUse go before Bind.</summary>
        public static Socket DualModeListener(int port)
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.DualMode = true;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                socket.Listen(8);
                socket.Listen(16); // Listen again only changes the backlog.
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Options that work in any state may be set after Connect.</summary>
        public static void Tune(Socket connected)
        {
            connected.NoDelay = true;
            connected.LingerState = new LingerOption(true, 1);
            connected.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            connected.ReceiveTimeout = 5_000;
            connected.SendBufferSize = 64 * 1024;
        }

        public static void CloseTwice(Socket connected)
        {
            connected.Shutdown(SocketShutdown.Both);
            connected.Shutdown(SocketShutdown.Both);
            connected.Dispose();
            connected.Dispose();
        }

        public static int SendToUnboundAndReconnect(IPEndPoint first, IPEndPoint second, byte[] datagram)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            var sent = udp.SendTo(datagram, first); // binds implicitly
            udp.Connect(first);
            udp.Connect(second); // the last Connect wins
            return sent + udp.Send(datagram);
        }

        public static Socket UnixStream() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        public static Socket IPv4Default() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.IP);
    }
}
