using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>
    /// A TCP echo server on a plain Socket: bound before Listen, an async accept loop, one task per connection that
    /// owns and disposes the accepted socket, and a receive loop that stops on 0 (the peer closed).
    /// </summary>
    public sealed class EchoServer : IDisposable
    {
        private readonly Socket listener;

        private EchoServer(Socket listener) => this.listener = listener;

        public IPEndPoint LocalEndPoint => (IPEndPoint)this.listener.LocalEndPoint!;

        /// <summary>Binds and listens. If either throws, the socket is disposed; otherwise the server owns it.</summary>
        public static EchoServer Listen(IPEndPoint endPoint, int backlog = 16)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endPoint);
                socket.Listen(backlog);
                return new EchoServer(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Accepts until cancelled or disposed.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                Socket connection;
                try
                {
                    connection = await this.listener.AcceptAsync(cancellationToken);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException { SocketErrorCode: SocketError.OperationAborted })
                {
                    return;
                }

                // Ownership passes to EchoAsync, which disposes the connection on every path.
                _ = EchoAsync(connection, cancellationToken);
            }
        }

        public void Dispose() => this.listener.Dispose();

        /// <summary>Sends every byte: a stream send may take less than it was given.</summary>
        internal static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken);
                data = data.Slice(sent);
            }
        }

        private static async Task EchoAsync(Socket connection, CancellationToken cancellationToken)
        {
            using (connection)
            {
                var buffer = new byte[4096];
                try
                {
                    while (true)
                    {
                        var received = await connection.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken);
                        if (received == 0)
                        {
                            // The peer finished sending: finish ours too, so it reads a clean end of stream.
                            connection.Shutdown(SocketShutdown.Send);
                            return;
                        }

                        await SendAllAsync(connection, buffer.AsMemory(0, received), cancellationToken);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    // Cancelled, or the peer reset the connection: nothing left to echo.
                }
            }
        }
    }
}
