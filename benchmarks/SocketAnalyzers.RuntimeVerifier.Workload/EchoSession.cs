using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SocketAnalyzers.RuntimeVerifier.Workload
{
    /// <summary>
    /// A loopback echo server with an accept loop and one handler task per connection, and as many clients; every
    /// send and receive goes through intercepted call sites in the Verified build.
    /// </summary>
    public sealed class EchoSession : IDisposable
    {
        private readonly Socket listener;
        private readonly List<Socket> clients = new();
        private readonly List<Task> handlers = new();

        public EchoSession(int connections, int messageSize)
        {
            this.MessageSize = messageSize;
            this.listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            this.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            this.listener.Listen(connections);
            for (var i = 0; i < connections; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                client.Connect(this.listener.LocalEndPoint!);
                var accepted = this.listener.Accept();
                accepted.NoDelay = true;
                this.clients.Add(client);
                this.handlers.Add(Task.Run(() => EchoAsync(accepted, messageSize)));
            }
        }

        public int MessageSize { get; }

        /// <summary>Each client sends <paramref name="rounds"/> messages and reads each back; returns the bytes echoed.</summary>
        public async Task<long> RunAsync(int rounds)
        {
            var work = new Task<long>[this.clients.Count];
            for (var i = 0; i < work.Length; i++)
            {
                work[i] = ClientAsync(this.clients[i], this.MessageSize, rounds);
            }

            long total = 0;
            foreach (var bytes in await Task.WhenAll(work))
            {
                total += bytes;
            }

            return total;
        }

        public void Dispose()
        {
            foreach (var client in this.clients)
            {
                client.Shutdown(SocketShutdown.Send);
                client.Dispose();
            }

            Task.WaitAll(this.handlers.ToArray(), TimeSpan.FromSeconds(10));
            this.listener.Dispose();
        }

        private static async Task<long> ClientAsync(Socket client, int messageSize, int rounds)
        {
            var message = new byte[messageSize];
            var reply = new byte[messageSize];
            long total = 0;
            for (var round = 0; round < rounds; round++)
            {
                await client.SendAsync(message, SocketFlags.None);
                var received = 0;
                while (received < messageSize)
                {
                    var read = await client.ReceiveAsync(reply.AsMemory(received), SocketFlags.None);
                    if (read == 0)
                    {
                        throw new InvalidOperationException("the echo server closed early");
                    }

                    received += read;
                }

                total += received;
            }

            return total;
        }

        private static async Task EchoAsync(Socket accepted, int messageSize)
        {
            using (accepted)
            {
                var buffer = new byte[messageSize];
                int read;
                while ((read = await accepted.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)) > 0)
                {
                    await accepted.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                }
            }
        }
    }
}
