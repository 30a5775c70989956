using System.Net;
using System.Net.Sockets;

namespace Probe
{
    public static class Probe
    {
        public static void ListenOnUdp(int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            socket.Listen(10);
        }

        public static Socket OpenListener(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                socket.Listen(10);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
