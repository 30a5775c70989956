using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>A Unix domain stream socket: ProtocolType.Unspecified, bound to a path before Listen, the path removed after.</summary>
    public static class UnixDomainEcho
    {
        /// <summary>Accepts one connection on <paramref name="path"/> and echoes it until the peer closes.</summary>
        public static async Task ServeOnceAsync(string path, TaskCompletionSource listening, CancellationToken cancellationToken)
        {
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                listener.Bind(new UnixDomainSocketEndPoint(path));
                listener.Listen(1);
                listening.SetResult();
                using var connection = await listener.AcceptAsync(cancellationToken);
                var buffer = new byte[256];
                int received;
                while ((received = await connection.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken)) != 0)
                {
                    await EchoServer.SendAllAsync(connection, buffer.AsMemory(0, received), cancellationToken);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        public static async Task<byte[]> RoundTripAsync(string path, byte[] message, CancellationToken cancellationToken)
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);

            // The stream is made while the socket is connected: after Shutdown(Send), Connected reads false and
            // new NetworkStream(socket) throws IOException (measured, TCP and Unix sockets alike).
            using var stream = new NetworkStream(socket, ownsSocket: false);
            await EchoServer.SendAllAsync(socket, message, cancellationToken);
            socket.Shutdown(SocketShutdown.Send);
            var reply = new byte[message.Length];
            await stream.ReadExactlyAsync(reply, cancellationToken);
            return reply;
        }
    }
}
