using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.Tests.Meta.QuietCode
{
    /// <summary>
    /// A type that owns a connected socket in a field and disposes it, created by a factory that disposes the socket
    /// when connecting fails: ownership is secured on every path.
    /// </summary>
    public sealed class OwnedConnection : IDisposable, IAsyncDisposable
    {
        private readonly Socket socket;
        private readonly NetworkStream stream;

        private OwnedConnection(Socket socket)
        {
            this.socket = socket;
            this.stream = new NetworkStream(socket, ownsSocket: false);
        }

        public EndPoint? RemoteEndPoint => this.socket.RemoteEndPoint;

        public static async Task<OwnedConnection> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
        {
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(server, cancellationToken);
                return new OwnedConnection(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Reads one length-prefixed frame: the count of every read is honoured through ReadExactly.</summary>
        public async Task<byte[]> ReadFrameAsync(CancellationToken cancellationToken)
        {
            var header = new byte[sizeof(int)];
            await this.stream.ReadExactlyAsync(header, cancellationToken);
            var frame = new byte[BitConverter.ToInt32(header, 0)];
            await this.stream.ReadExactlyAsync(frame, cancellationToken);
            return frame;
        }

        public async Task WriteFrameAsync(byte[] payload, CancellationToken cancellationToken)
        {
            await this.stream.WriteAsync(BitConverter.GetBytes(payload.Length), cancellationToken);
            await this.stream.WriteAsync(payload, cancellationToken);
        }

        public void Dispose()
        {
            this.stream.Dispose();
            this.socket.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            await this.stream.DisposeAsync();
            this.socket.Dispose();
        }
    }
}
