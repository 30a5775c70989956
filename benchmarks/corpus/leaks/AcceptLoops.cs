// Accept loops of small TCP servers: the accepted connection belongs to the loop until it is handed off.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public sealed class EchoServer
    {
        private readonly Socket listener;

        public EchoServer(Socket listener) => this.listener = listener;

        // The accepted socket is echoed once and then forgotten: every connection leaks.
        public void ServeForgetful(CancellationToken token)
        {
            var buffer = new byte[1024];
            while (!token.IsCancellationRequested)
            {
                var client = this.listener.Accept(); // expect: SOCK203
                var read = client.Receive(buffer);
                client.Send(buffer, 0, read, SocketFlags.None);
            }
        }

        // using var: disposed at the end of each iteration.
        public void ServeWithUsing(CancellationToken token)
        {
            var buffer = new byte[1024];
            while (!token.IsCancellationRequested)
            {
                using var client = this.listener.Accept();
                var read = client.Receive(buffer);
                client.Send(buffer, 0, read, SocketFlags.None);
            }
        }

        // Handed to a handler task that owns it.
        public async Task ServeConcurrentAsync(CancellationToken token)
        {
            while (!token.IsCancellationRequested)
            {
                var client = await this.listener.AcceptAsync(token);
                _ = HandleAsync(client, token);
            }
        }

        private static async Task HandleAsync(Socket client, CancellationToken token)
        {
            using (client)
            {
                var buffer = new byte[4096];
                int read;
                while ((read = await client.ReceiveAsync(buffer, SocketFlags.None, token)) > 0)
                {
                    await client.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, token);
                }
            }
        }

        // Rejects clients when full, but the rejected connection is never closed.
        public async Task ServeBoundedAsync(int limit, CancellationToken token)
        {
            var active = 0;
            while (!token.IsCancellationRequested)
            {
                var client = await this.listener.AcceptAsync(token); // expect: SOCK203
                if (Volatile.Read(ref active) >= limit)
                {
                    continue;
                }

                Interlocked.Increment(ref active);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(client, token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref active);
                    }
                });
            }
        }

        // Rejection done right: closed before continuing.
        public async Task ServeBoundedCorrectlyAsync(int limit, CancellationToken token)
        {
            var active = 0;
            while (!token.IsCancellationRequested)
            {
                var client = await this.listener.AcceptAsync(token);
                if (Volatile.Read(ref active) >= limit)
                {
                    client.Dispose();
                    continue;
                }

                Interlocked.Increment(ref active);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(client, token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref active);
                    }
                });
            }
        }
    }

    public static class TcpListenerServer
    {
        // AcceptTcpClient in a loop, greeting then dropping the client without closing it.
        public static void Greet(TcpListener listener, byte[] greeting)
        {
            while (true)
            {
                var client = listener.AcceptTcpClient(); // expect: SOCK203
                var stream = client.GetStream();
                stream.Write(greeting, 0, greeting.Length);
            }
        }

        // The stream of a TcpClient belongs to the client: disposing the client closes both.
        public static void GreetAndClose(TcpListener listener, byte[] greeting)
        {
            while (true)
            {
                using var client = listener.AcceptTcpClient();
                var stream = client.GetStream();
                stream.Write(greeting, 0, greeting.Length);
            }
        }

        // Disposing the stream of TcpClient.GetStream() closes the client's socket too (measured: J7).
        public static void GreetAndCloseStream(TcpListener listener, byte[] greeting)
        {
            while (true)
            {
                var client = listener.AcceptTcpClient();
                using (client.GetStream())
                {
                    client.GetStream().Write(greeting, 0, greeting.Length);
                }

                client.Close();
            }
        }

        // Closed on the normal path only; a failed Write leaks the client until the GC resets it.
        public static void GreetThenClose(TcpListener listener, byte[] greeting)
        {
            var client = listener.AcceptTcpClient(); // expect: SOCK202
            var stream = client.GetStream();
            stream.Write(greeting, 0, greeting.Length);
            client.Close();
        }

        // Accepting with AcceptSocket and handing the connection to a thread.
        public static void ServeOnThreads(TcpListener listener)
        {
            while (true)
            {
                var socket = listener.AcceptSocket();
                var thread = new Thread(() => Echo(socket)) { IsBackground = true };
                thread.Start();
            }
        }

        private static void Echo(Socket socket)
        {
            try
            {
                var buffer = new byte[512];
                int read;
                while ((read = socket.Receive(buffer)) > 0)
                {
                    socket.Send(buffer, 0, read, SocketFlags.None);
                }
            }
            finally
            {
                socket.Dispose();
            }
        }

        // Only the first accepted connection is used; the next one returned by the probe leaks.
        public static bool ProbeTwice(TcpListener listener)
        {
            using var first = listener.AcceptSocket();
            var second = listener.AcceptSocket(); // expect: SOCK203
            return first.Connected && second.Connected;
        }
    }

    public static class SocketAsyncEventArgsServer
    {
        // SocketAsyncEventArgs: the accepted socket arrives in AcceptSocket and is handed to the completion handler.
        public static void StartAccept(Socket listener, SocketAsyncEventArgs args)
        {
            args.AcceptSocket = null;
            if (!listener.AcceptAsync(args))
            {
                OnAccepted(args);
            }
        }

        private static void OnAccepted(SocketAsyncEventArgs args)
        {
            var accepted = args.AcceptSocket;
            args.AcceptSocket = null;
            accepted?.Shutdown(SocketShutdown.Both);
            accepted?.Dispose();
        }
    }
}
