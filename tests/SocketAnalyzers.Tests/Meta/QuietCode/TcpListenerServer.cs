using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>
    /// A TcpListener accept loop: Start before accepting, each client in a using, a read loop that ends on 0, and
    /// Stop in finally. Clients are served one at a time, which keeps every socket's lifetime inside one method.
    /// </summary>
    public static class TcpListenerServer
    {
        /// <summary>Serves <paramref name="clients"/> connections, answering each with the byte count it sent.</summary>
        public static async Task ServeAsync(TcpListener listener, int clients, CancellationToken cancellationToken)
        {
            listener.Start();
            try
            {
                for (var served = 0; served < clients; served++)
                {
                    using TcpClient client = await listener.AcceptTcpClientAsync(cancellationToken);
                    using NetworkStream stream = client.GetStream();
                    var buffer = new byte[1024];
                    var total = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        total += read;
                    }

                    await stream.WriteAsync(BitConverter.GetBytes(total), cancellationToken);
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>A client of <see cref="ServeAsync"/>: sends the payload and reads the 4-byte count back.</summary>
        public static async Task<int> SendAndCountAsync(IPEndPoint server, byte[] payload, CancellationToken cancellationToken)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(server.Address, server.Port, cancellationToken);
            using var stream = client.GetStream();
            await stream.WriteAsync(payload, cancellationToken);
            client.Client.Shutdown(SocketShutdown.Send);
            var count = new byte[sizeof(int)];
            await stream.ReadExactlyAsync(count, cancellationToken);
            return BitConverter.ToInt32(count, 0);
        }
    }
}
