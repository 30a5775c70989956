// Factory methods that create, connect and return sockets: the caller owns what is returned.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public static class ClientFactories
    {
        // The classic factory leak: when Connect throws, nobody ever receives the socket.
        public static Socket Connect(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
            socket.Connect(endPoint);
            return socket;
        }

        // The idiomatic factory: dispose on failure, rethrow.
        public static Socket ConnectSafely(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(endPoint);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        // The async factory leaks the same way when ConnectAsync faults.
        public static async Task<Socket> ConnectAsync(string host, int port, CancellationToken token)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
            socket.NoDelay = true;
            await socket.ConnectAsync(host, port, token);
            return socket;
        }

        public static async Task<Socket> ConnectSafelyAsync(string host, int port, CancellationToken token)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(host, port, token);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        // Returned right away: the caller owns it, nothing can throw in between.
        public static Socket CreateUdp() => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        public static TcpClient CreateClient()
        {
            var client = new TcpClient();
            client.NoDelay = true;
            return client;
        }

        // TcpClient(host, port) connects in the constructor: nothing to leak before the return.
        public static TcpClient ConnectClient(string host, int port) => new TcpClient(host, port);

        // TcpClient factory with a DNS lookup and a connect between creation and return.
        public static TcpClient ConnectClientByName(string host, int port)
        {
            var client = new TcpClient(AddressFamily.InterNetwork); // expect: SOCK202
            var addresses = Dns.GetHostAddresses(host);
            client.Connect(addresses, port);
            return client;
        }

        // Tries each address; the failed attempts are disposed, the winner returned.
        public static Socket ConnectFirst(IPAddress[] addresses, int port)
        {
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Connect(address, port);
                    return socket;
                }
                catch (SocketException)
                {
                    socket.Dispose();
                }
            }

            throw new SocketException((int)SocketError.HostUnreachable);
        }

        // Tries each address but forgets the failed sockets: each failed attempt leaks.
        public static Socket? ConnectFirstLeaky(IPAddress[] addresses, int port)
        {
            foreach (var address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
                socket.Connect(address, port);
                if (socket.Connected)
                {
                    return socket;
                }
            }

            return null;
        }

        // Probes a port and throws the socket away on the success path without closing it.
        public static bool IsPortOpen(IPAddress address, int port)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
            try
            {
                socket.Connect(address, port);
                return true;
            }
            catch (SocketException)
            {
                socket.Dispose();
                return false;
            }
        }

        public static bool IsPortOpenCorrectly(IPAddress address, int port)
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(address, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        // A listener started and returned: its constructor already made the socket, and Start throws when the port is taken.
        public static TcpListener Listen(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port); // expect: SOCK202
            listener.Start();
            return listener;
        }

        public static Socket ListenRaw(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(16);
            return socket;
        }
    }
}
