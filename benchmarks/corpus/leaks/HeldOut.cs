// Written after the rules were tuned, and not used to tune them: see docs/precision.md.
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public static class TcpProxy
    {
        // Accepts a client, connects upstream, pumps both ways; both closed in finally.
        public static async Task RelayAsync(Socket listener, EndPoint upstreamEndPoint, CancellationToken token)
        {
            var client = await listener.AcceptAsync(token);
            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(upstreamEndPoint, token);
                await Task.WhenAll(PumpAsync(client, upstream, token), PumpAsync(upstream, client, token));
            }
            finally
            {
                upstream.Dispose();
                client.Dispose();
            }
        }

        // The upstream socket is left open when the client sends nothing.
        public static async Task RelayOnceAsync(Socket client, EndPoint upstreamEndPoint, CancellationToken token)
        {
            var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
            await upstream.ConnectAsync(upstreamEndPoint, token);
            var buffer = new byte[8192];
            var read = await client.ReceiveAsync(buffer, SocketFlags.None, token);
            if (read == 0)
            {
                return;
            }

            await upstream.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, token);
            upstream.Dispose();
        }

        private static async Task PumpAsync(Socket from, Socket to, CancellationToken token)
        {
            var buffer = new byte[8192];
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, token);
            }
        }
    }

    public static class MulticastListener
    {
        public static async Task<int> ReceiveOneAsync(IPAddress group, int port, CancellationToken token)
        {
            using var udp = new UdpClient(port);
            udp.JoinMulticastGroup(group);
            var result = await udp.ReceiveAsync(token);
            return result.Buffer.Length;
        }

        // Bound and returned: Bind throws when the port is taken, and the socket is lost.
        public static Socket CreateBound(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); // expect: SOCK202
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return socket;
        }
    }

    public static class TlsServer
    {
        // The SslStream owns the client's stream, which closes the client (J7).
        public static async Task ServeAsync(TcpListener listener, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(token);
                await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
                await tls.AuthenticateAsServerAsync(certificate);
            }
        }

        // Select-based server: accepted sockets are kept in a list and closed when the peer leaves.
        public static void ServeWithSelect(Socket listener)
        {
            var clients = new List<Socket>();
            var buffer = new byte[1024];
            while (true)
            {
                var readable = new List<Socket>(clients) { listener };
                Socket.Select(readable, null, null, 1_000_000);
                foreach (var socket in readable)
                {
                    if (socket == listener)
                    {
                        clients.Add(listener.Accept());
                        continue;
                    }

                    if (socket.Receive(buffer) == 0)
                    {
                        clients.Remove(socket);
                        socket.Dispose();
                    }
                }
            }
        }
    }

    // Lazily connected, disposed.
    public sealed class LazyConnection : IDisposable
    {
        private readonly EndPoint endPoint;
        private Socket? socket;

        public LazyConnection(EndPoint endPoint) => this.endPoint = endPoint;

        public Socket Socket => this.socket ??= this.Open();

        public void Dispose() => this.socket?.Dispose();

        private Socket Open()
        {
            var opened = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                opened.Connect(this.endPoint);
                return opened;
            }
            catch
            {
                opened.Dispose();
                throw;
            }
        }
    }

    // A background worker that owns a UdpClient and has no way to release it.
    public sealed class MetricsSender // at: #metrics
    {
        private readonly UdpClient udp; // expect: SOCK204 #metrics
        private readonly IPEndPoint target;

        public MetricsSender(IPEndPoint target)
        {
            this.target = target;
            this.udp = new UdpClient(target.AddressFamily); // at: #metrics
        }

        public Task SendAsync(byte[] datagram) => this.udp.SendAsync(datagram, datagram.Length, this.target);
    }

    public static class HealthCheck
    {
        // Connects with a timeout; disposed by using on every path.
        public static async Task<bool> IsUpAsync(string host, int port, TimeSpan timeout)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(host, port).WaitAsync(timeout);
                return true;
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                return false;
            }
        }

        // Times out without closing the client.
        public static bool IsUp(string host, int port)
        {
            var client = new TcpClient(); // expect: SOCK201
            if (!client.ConnectAsync(host, port).Wait(1000))
            {
                return false;
            }

            client.Close();
            return true;
        }
    }
}
