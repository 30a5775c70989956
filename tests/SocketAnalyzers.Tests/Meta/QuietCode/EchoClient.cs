using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>Echo clients: one on a plain Socket, one on TcpClient and its NetworkStream.</summary>
    public static class EchoClient
    {
        /// <summary>Connects, sends the message, half-closes, and reads exactly as many bytes back.</summary>
        public static async Task<byte[]> RoundTripAsync(IPEndPoint server, byte[] message, CancellationToken cancellationToken)
        {
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.NoDelay = true;
            await socket.ConnectAsync(server, cancellationToken);
            await EchoServer.SendAllAsync(socket, message, cancellationToken);
            socket.Shutdown(SocketShutdown.Send);

            var reply = new byte[message.Length];
            var total = 0;
            while (total < reply.Length)
            {
                // A receive returns what has arrived so far, not a full buffer: count, and loop.
                var received = await socket.ReceiveAsync(reply.AsMemory(total), SocketFlags.None, cancellationToken);
                if (received == 0)
                {
                    throw new EndOfStreamException($"The server closed after {total} of {reply.Length} bytes.");
                }

                total += received;
            }

            return reply;
        }

        /// <summary>The same round trip with TcpClient; disposing the client disposes its stream and socket.</summary>
        public static async Task<byte[]> RoundTripWithTcpClientAsync(IPEndPoint server, byte[] message, CancellationToken cancellationToken)
        {
            using var client = new TcpClient(server.AddressFamily);
            await client.ConnectAsync(server, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(message, cancellationToken);
            client.Client.Shutdown(SocketShutdown.Send);

            var reply = new byte[message.Length];
            await stream.ReadExactlyAsync(reply, cancellationToken);
            return reply;
        }
    }
}
