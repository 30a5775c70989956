using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>
    /// UDP: a bound datagram socket answering with ReceiveFrom/SendTo (no Listen, no Accept: datagram sockets have
    /// no connections), and a connected UdpClient. A 0-byte datagram is data here, not an end of stream.
    /// </summary>
    public static class UdpEcho
    {
        public static Socket Bind(IPEndPoint endPoint)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(endPoint);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Echoes <paramref name="datagrams"/> datagrams, each to its sender, with exactly the bytes received.</summary>
        public static async Task ServeAsync(Socket socket, int datagrams, CancellationToken cancellationToken)
        {
            var buffer = new byte[65_527];
            EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            for (var i = 0; i < datagrams; i++)
            {
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
                await socket.SendToAsync(buffer.AsMemory(0, result.ReceivedBytes), SocketFlags.None, result.RemoteEndPoint, cancellationToken);
            }
        }

        public static async Task<byte[]> RoundTripAsync(IPEndPoint server, byte[] message, CancellationToken cancellationToken)
        {
            using var client = new UdpClient(server.AddressFamily);
            client.Connect(server);
            await client.SendAsync(message, cancellationToken);
            var reply = await client.ReceiveAsync(cancellationToken);
            return reply.Buffer;
        }
    }
}
