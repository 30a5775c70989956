// Pools and registries of connections: sockets stored in collections belong to the collection's owner.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public sealed class ConnectionRegistry : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, Socket> connections = new();
        private readonly Socket listener;

        public ConnectionRegistry(Socket listener) => this.listener = listener;

        public async Task AcceptAllAsync(CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                var accepted = await this.listener.AcceptAsync(token);
                this.connections[Guid.NewGuid()] = accepted;
            }
        }

        // TryAdd can fail: the socket that was not added is never closed.
        public async Task AcceptUniqueAsync(Func<Socket, Guid> identify, CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                var accepted = await this.listener.AcceptAsync(token); // expect: SOCK203
                if (!this.connections.TryAdd(identify(accepted), accepted))
                {
                    continue;
                }
            }
        }

        public void Drop(Guid id)
        {
            if (this.connections.TryRemove(id, out var socket))
            {
                socket.Dispose();
            }
        }

        public void Dispose()
        {
            foreach (var socket in this.connections.Values)
            {
                socket.Dispose();
            }

            this.connections.Clear();
        }
    }

    public sealed class SocketPool : IDisposable
    {
        private readonly Stack<Socket> idle = new();
        private readonly EndPoint endPoint;
        private readonly object gate = new();

        public SocketPool(EndPoint endPoint) => this.endPoint = endPoint;

        public Socket Rent()
        {
            lock (this.gate)
            {
                if (this.idle.Count > 0)
                {
                    return this.idle.Pop();
                }
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(this.endPoint);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            return socket;
        }

        public void Return(Socket socket)
        {
            lock (this.gate)
            {
                this.idle.Push(socket);
            }
        }

        // Warms the pool: each socket is added to the stack after connecting; a failed Connect leaks that socket.
        public void Warm(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
                socket.Connect(this.endPoint);
                lock (this.gate)
                {
                    this.idle.Push(socket);
                }
            }
        }

        public void Dispose()
        {
            lock (this.gate)
            {
                while (this.idle.Count > 0)
                {
                    this.idle.Pop().Dispose();
                }
            }
        }
    }

    public static class ClientList
    {
        // Clients collected in a list owned by the caller.
        public static List<TcpClient> ConnectAll(IEnumerable<IPEndPoint> endPoints)
        {
            var clients = new List<TcpClient>();
            foreach (var endPoint in endPoints)
            {
                clients.Add(new TcpClient(endPoint.Address.ToString(), endPoint.Port));
            }

            return clients;
        }

        // An array of sockets returned to the caller.
        public static Socket[] CreatePair()
        {
            var sockets = new Socket[2];
            sockets[0] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sockets[1] = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            return sockets;
        }

        // Closes every client, in a finally.
        public static void Broadcast(IEnumerable<IPEndPoint> endPoints, byte[] payload)
        {
            var clients = ConnectAll(endPoints);
            try
            {
                foreach (var client in clients)
                {
                    client.GetStream().Write(payload, 0, payload.Length);
                }
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
    }
}
