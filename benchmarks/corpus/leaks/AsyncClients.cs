// Async clients and handlers: using, await using, early returns, exceptions.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public static class AsyncClients
    {
        public static async Task<string> RequestAsync(EndPoint endPoint, string request, CancellationToken token)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, token);
            await socket.SendAsync(Encoding.UTF8.GetBytes(request), SocketFlags.None, token);
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }

        // An early return skips the Dispose at the end.
        public static async Task<string?> TryRequestAsync(EndPoint endPoint, string request, CancellationToken token)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
            await socket.ConnectAsync(endPoint, token);
            var sent = await socket.SendAsync(Encoding.UTF8.GetBytes(request), SocketFlags.None, token);
            if (sent == 0)
            {
                return null;
            }

            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
            socket.Dispose();
            return Encoding.UTF8.GetString(buffer, 0, read);
        }

        // Closed in finally: every path.
        public static async Task<int> PingAsync(IPEndPoint endPoint, CancellationToken token)
        {
            var udp = new UdpClient(endPoint.AddressFamily);
            try
            {
                await udp.SendAsync(new byte[] { 1 }, endPoint, token);
                var result = await udp.ReceiveAsync(token);
                return result.Buffer.Length;
            }
            finally
            {
                udp.Close();
            }
        }

        // await using on a NetworkStream that owns the socket.
        public static async Task SendOnceAsync(EndPoint endPoint, ReadOnlyMemory<byte> payload, CancellationToken token)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endPoint, token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await using var stream = new NetworkStream(socket, ownsSocket: true);
            await stream.WriteAsync(payload, token);
        }

        // A UdpClient that is only closed when the send succeeds on the normal path, and not at all when the
        // payload is empty.
        public static void Notify(IPEndPoint target, byte[] payload)
        {
            var udp = new UdpClient(); // expect: SOCK201
            if (payload.Length == 0)
            {
                return;
            }

            udp.Send(payload, payload.Length, target);
            udp.Close();
        }

        // Conditional creation, disposed in both branches.
        public static int SendEither(bool useIpv6, byte[] payload, EndPoint target)
        {
            var socket = useIpv6
                ? new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            using (socket)
            {
                return socket.SendTo(payload, target);
            }
        }

        // Reassigned in a retry loop: the socket of the failed attempt is closed before the next one.
        public static async Task<Socket> ConnectWithRetryAsync(EndPoint endPoint, int attempts, CancellationToken token)
        {
            for (var attempt = 1; ; attempt++)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(endPoint, token);
                    return socket;
                }
                catch (SocketException) when (attempt < attempts)
                {
                    socket.Dispose();
                    await Task.Delay(100 * attempt, token);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
        }

        // The lambda captures the socket and the task is awaited before the socket is disposed.
        public static async Task ReceiveInBackgroundAsync(EndPoint endPoint, CancellationToken token)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, token);
            var receiving = Task.Run(async () => await socket.ReceiveAsync(new byte[16], SocketFlags.None, token), token);
            await receiving;
        }
    }
}
