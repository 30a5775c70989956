// TcpListener and UdpClient lifetimes in services.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public static class Listeners
    {
        // Stop disposes the listener's socket, in a finally; but Start comes before the try, and throws when the
        // port is taken: the socket the constructor made leaks then.
        public static async Task RunAsync(int port, Func<TcpClient, Task> handle, CancellationToken token)
        {
            var listener = new TcpListener(IPAddress.Loopback, port); // expect: SOCK202
            listener.Start();
            try
            {
                while (!token.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(token);
                    _ = handle(client);
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        // Started and accepted once, never stopped.
        public static TcpClient AcceptOne(int port)
        {
            var listener = new TcpListener(IPAddress.Loopback, port); // expect: SOCK201
            listener.Start();
            return listener.AcceptTcpClient();
        }

        // using on a TcpListener (IDisposable since .NET 8).
        public static Socket AcceptOneSocket(int port)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return listener.AcceptSocket();
        }

        // Finds a free port by binding port 0, and forgets the socket.
        public static int FindFreePort()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }

        public static int FindFreePortCorrectly()
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }

        // Receives one datagram; the UdpClient is closed only when a datagram arrived.
        public static byte[]? ReceiveOne(int port, bool wait)
        {
            var udp = new UdpClient(port); // expect: SOCK201
            if (!wait && udp.Available == 0)
            {
                return null;
            }

            var remote = new IPEndPoint(IPAddress.Any, 0);
            var data = udp.Receive(ref remote);
            udp.Close();
            return data;
        }

        // Discards the result of a factory: created and dropped.
        public static void Warmup(int port)
        {
            new TcpListener(IPAddress.Loopback, port).Start(); // expect: SOCK201
        }
    }
}
