namespace SocketAnalyzers.Benchmarks.Corpus
{
    /// <summary>A realistic input: a TCP echo server and client, UDP discovery and a TcpListener host (~230 lines, no mistakes).</summary>
    internal static class RealisticServer
    {
        public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Sample.Networking
        {
            public sealed class EchoServer : IDisposable
            {
                private readonly Socket listener;
                private readonly List<Socket> clients = new List<Socket>();
                private readonly CancellationTokenSource stopping = new CancellationTokenSource();

                public EchoServer(IPEndPoint endpoint)
                {
                    this.listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    this.listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    this.listener.Bind(endpoint);
                    this.listener.Listen(128);
                }

                public async Task RunAsync()
                {
                    while (!this.stopping.IsCancellationRequested)
                    {
                        Socket client;
                        try
                        {
                            client = await this.listener.AcceptAsync(this.stopping.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }

                        client.NoDelay = true;
                        lock (this.clients)
                        {
                            this.clients.Add(client);
                        }

                        _ = Task.Run(() => this.ServeAsync(client));
                    }
                }

                private async Task ServeAsync(Socket client)
                {
                    var buffer = new byte[4096];
                    try
                    {
                        while (true)
                        {
                            var read = await client.ReceiveAsync(buffer, SocketFlags.None);
                            if (read == 0)
                            {
                                break;
                            }

                            var sent = 0;
                            while (sent < read)
                            {
                                sent += await client.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None);
                            }
                        }

                        client.Shutdown(SocketShutdown.Send);
                    }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                    {
                        Console.WriteLine("reset");
                    }
                    finally
                    {
                        lock (this.clients)
                        {
                            this.clients.Remove(client);
                        }

                        client.Dispose();
                    }
                }

                public void Dispose()
                {
                    this.stopping.Cancel();
                    this.listener.Dispose();
                    lock (this.clients)
                    {
                        foreach (var client in this.clients)
                        {
                            client.Dispose();
                        }
                    }
                }
            }

            public static class EchoClient
            {
                public static async Task<string> RoundTripAsync(IPEndPoint server, string message)
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(server);
                    using var stream = client.GetStream();
                    var payload = Encoding.UTF8.GetBytes(message);
                    await stream.WriteAsync(payload);
                    client.Client.Shutdown(SocketShutdown.Send);
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    return await reader.ReadToEndAsync();
                }

                public static int Probe(IPEndPoint server, int attempts)
                {
                    var failures = 0;
                    for (var i = 0; i < attempts; i++)
                    {
                        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            socket.Connect(server);
                            if (socket.Connected)
                            {
                                socket.Send(new byte[] { 1 });
                            }
                        }
                        catch (SocketException)
                        {
                            failures++;
                        }
                        finally
                        {
                            socket.Close();
                        }
                    }

                    return failures;
                }
            }

            public sealed class Discovery
            {
                private readonly UdpClient udp;

                public Discovery(int port)
                {
                    this.udp = new UdpClient(port);
                    this.udp.EnableBroadcast = true;
                }

                public void Announce(string name, int port)
                {
                    var payload = Encoding.UTF8.GetBytes(name);
                    this.udp.Send(payload, payload.Length, new IPEndPoint(IPAddress.Broadcast, port));
                }

                public static Socket OpenReceiver(int port)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    socket.ExclusiveAddressUse = false;
                    socket.Bind(new IPEndPoint(IPAddress.Any, port));
                    return socket;
                }

                public static string Receive(int port)
                {
                    using var socket = OpenReceiver(port);
                    var buffer = new byte[1024];
                    EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                    var read = socket.ReceiveFrom(buffer, ref from);
                    return Encoding.UTF8.GetString(buffer, 0, read) + " from " + from;
                }
            }

            public static class ListenerHost
            {
                public static void ServeOnce(int port, Func<TcpClient, bool> handler)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    try
                    {
                        while (true)
                        {
                            if (!listener.Pending())
                            {
                                Thread.Sleep(10);
                                continue;
                            }

                            using var client = listener.AcceptTcpClient();
                            if (!handler(client))
                            {
                                break;
                            }
                        }
                    }
                    finally
                    {
                        listener.Stop();
                    }
                }
            }
        }
        """;
    }
}
