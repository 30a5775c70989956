// Types that own a socket in a field.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    // Owns its socket and disposes it.
    public sealed class Connection : IDisposable
    {
        private readonly Socket socket;

        public Connection(EndPoint endPoint)
        {
            var connecting = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                connecting.Connect(endPoint);
            }
            catch
            {
                connecting.Dispose();
                throw;
            }

            this.socket = connecting;
        }

        public int Send(byte[] data) => this.socket.Send(data);

        public void Dispose() => this.socket.Dispose();
    }

    // Owns its socket but has no Dispose at all.
    public sealed class Heartbeat // at: #heartbeat
    {
        private readonly UdpClient udp = new UdpClient(); // expect: SOCK204 #heartbeat

        public void Beat(IPEndPoint target) => this.udp.Send(new byte[] { 1 }, 1, target);
    }

    // Disposable, but Dispose forgets the listener.
    public sealed class Acceptor : IDisposable
    {
        private readonly TcpListener listener; // expect: SOCK204 #acceptor
        private bool disposed;

        public Acceptor(int port)
        {
            this.listener = new TcpListener(IPAddress.Loopback, port); // at: #acceptor
        }

        public Task<TcpClient> AcceptAsync() => this.listener.AcceptTcpClientAsync();

        public void Dispose()
        {
            this.disposed = true;
        }

        public bool IsDisposed => this.disposed;
    }

    // TcpListener.Stop disposes the listener's socket (J7): stopping counts as disposing.
    public sealed class StoppingAcceptor : IDisposable
    {
        private readonly TcpListener listener;

        public StoppingAcceptor(int port)
        {
            this.listener = new TcpListener(IPAddress.Loopback, port); // expect: SOCK202
            this.listener.Start();
        }

        public void Dispose() => this.listener.Stop();
    }

    // Disposes through a helper.
    public sealed class ReconnectingClient : IDisposable
    {
        private readonly EndPoint endPoint;
        private Socket? socket;

        public ReconnectingClient(EndPoint endPoint) => this.endPoint = endPoint;

        public void Send(byte[] data)
        {
            if (this.socket is null)
            {
                var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
                fresh.Connect(this.endPoint);
                this.socket = fresh;
            }

            try
            {
                this.socket.Send(data);
            }
            catch (SocketException)
            {
                this.CloseSocket();
                throw;
            }
        }

        public void Dispose() => this.CloseSocket();

        private void CloseSocket()
        {
            this.socket?.Dispose();
            this.socket = null;
        }
    }

    // Async disposal.
    public sealed class AsyncSession : IAsyncDisposable
    {
        private readonly NetworkStream stream;

        public AsyncSession(Socket connected) => this.stream = new NetworkStream(connected, ownsSocket: true);

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data) => this.stream.WriteAsync(data);

        public ValueTask DisposeAsync() => this.stream.DisposeAsync();
    }

    // Injected socket: the caller owns it, the wrapper must not dispose it.
    public sealed class Sender
    {
        private readonly Socket socket;

        public Sender(Socket socket) => this.socket = socket;

        public int Send(byte[] data) => this.socket.Send(data);
    }

    // A non-owning stream over an injected socket: nothing owned here.
    public sealed class FrameWriter
    {
        private readonly NetworkStream stream;

        public FrameWriter(Socket socket) => this.stream = new NetworkStream(socket, ownsSocket: false);

        public void Write(byte[] frame) => this.stream.Write(frame, 0, frame.Length);
    }

    // Creates a client in a method and keeps it; disposable, but Dispose only flushes the client's stream.
    public sealed class Telemetry : IDisposable
    {
        private TcpClient? client; // expect: SOCK204 #telemetry
        private NetworkStream? stream;

        public void Open(string host, int port)
        {
            this.client = new TcpClient(host, port); // at: #telemetry
            this.stream = this.client.GetStream();
        }

        public void Dispose()
        {
            this.stream?.Flush();
        }
    }

    // Disposing the stream of TcpClient.GetStream() closes the client's socket (J7): no OS resource is left.
    public sealed class Uplink : IDisposable
    {
        private readonly TcpClient client;
        private readonly NetworkStream stream;

        public Uplink(string host, int port)
        {
            this.client = new TcpClient(host, port);
            this.stream = this.client.GetStream();
        }

        public void Write(byte[] data) => this.stream.Write(data, 0, data.Length);

        public void Dispose() => this.stream.Dispose();
    }

    // Base class disposes its socket in Dispose(bool); derived types need nothing more.
    public abstract class ChannelBase : IDisposable
    {
        protected ChannelBase(Socket socket) => this.Socket = socket;

        protected Socket Socket { get; }

        public void Dispose()
        {
            this.Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                this.Socket.Dispose();
            }
        }
    }

    public sealed class UdpChannel : ChannelBase
    {
        public UdpChannel()
            : base(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
        }

        public int Send(byte[] data, EndPoint target) => this.Socket.SendTo(data, target);
    }

    // Owns a socket in an auto-property and never disposes it.
    public sealed class Beacon // at: #beacon
    {
        public Socket Socket { get; } = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); // expect: SOCK204 #beacon

        public void Ping(EndPoint target) => this.Socket.SendTo(new byte[] { 0 }, target);
    }
}
