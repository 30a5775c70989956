using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>
    /// Correct programs stay silent, in throw mode, with several clients at once: a false violation would throw.
    /// Echo servers over every stack the verifier intercepts (Socket sync and async, TcpListener/TcpClient/NetworkStream
    /// with StreamReader/StreamWriter on top, UDP with UdpClient and with Socket).
    /// </summary>
    public sealed class CorrectProgramTests
    {
        private const int Clients = 4;
        private const int Rounds = 20;

        [Fact]
        public async Task SyncSocketEcho_FromSeveralThreads_ReportsNothing()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(Loopback.AnyPort);
            listener.Listen(Clients);
            var server = Task.Run(() =>
            {
                var handlers = new Task[Clients];
                for (var i = 0; i < Clients; i++)
                {
                    var accepted = listener.Accept();
                    handlers[i] = Task.Run(() => EchoUntilEnd(accepted));
                }

                return Task.WhenAll(handlers);
            });

            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() =>
            {
                using var client = Loopback.Tcp();
                client.Connect(listener.LocalEndPoint!);
                var buffer = new byte[64];
                for (var round = 0; round < Rounds; round++)
                {
                    client.Send(Encoding.ASCII.GetBytes("ping"));
                    ReceiveExactly(client, buffer.AsSpan(0, 4));
                }

                client.Shutdown(SocketShutdown.Send);
                Assert.Equal(0, client.Receive(buffer)); // Receive after Shutdown(Send) is legal: the peer's FIN.
                client.Close();
            })).ToArray();

            await Task.WhenAll(clients).WaitAsync(Loopback.Timeout);
            await server.WaitAsync(Loopback.Timeout);
            Assert.Empty(scope.Violations);
            Assert.True(SocketMonitor.Trackers.TryGetValue(listener, out _), "the calls were intercepted and tracked");
        }

        [Fact]
        public async Task AsyncSocketEcho_AcceptLoopWithHandlerTasks_ReportsNothing()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            var cancellation = Loopback.Cancellation();
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(Loopback.AnyPort);
            listener.Listen();
            var acceptLoop = Task.Run(async () =>
            {
                var handlers = new Task[Clients];
                for (var i = 0; i < Clients; i++)
                {
                    var accepted = await listener.AcceptAsync(cancellation);
                    handlers[i] = Task.Run(async () =>
                    {
                        using (accepted)
                        {
                            var buffer = new byte[1024];
                            int read;
                            while ((read = await accepted.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellation)) > 0)
                            {
                                await accepted.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellation);
                            }

                            accepted.Shutdown(SocketShutdown.Both);
                        }
                    });
                }

                await Task.WhenAll(handlers);
            });

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await client.ConnectAsync(listener.LocalEndPoint!, cancellation);
                var buffer = new byte[1024];
                for (var round = 0; round < Rounds; round++)
                {
                    await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, cancellation);
                    var received = 0;
                    while (received < 3)
                    {
                        received += await client.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellation);
                    }
                }

                client.Shutdown(SocketShutdown.Send);
                while (await client.ReceiveAsync(buffer, SocketFlags.None, cancellation) > 0)
                {
                }
            }));
            await acceptLoop.WaitAsync(Loopback.Timeout);
            Assert.Empty(scope.Violations);
        }

        [Fact]
        public async Task TcpClientStreamReaderEcho_ReportsNothing()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            var cancellation = Loopback.Cancellation();
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = Task.Run(async () =>
            {
                var handlers = new Task[Clients];
                for (var i = 0; i < Clients; i++)
                {
                    var accepted = await listener.AcceptTcpClientAsync(cancellation);
                    handlers[i] = Task.Run(async () =>
                    {
                        using (accepted)
                        {
                            var stream = accepted.GetStream();
                            using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
                            using var writer = new StreamWriter(stream, Encoding.UTF8, leaveOpen: true) { AutoFlush = true };
                            string? line;
                            while ((line = await reader.ReadLineAsync(cancellation)) is not null)
                            {
                                await writer.WriteLineAsync(line.AsMemory(), cancellation);
                            }
                        }
                    });
                }

                await Task.WhenAll(handlers);
            });

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellation);
                var stream = client.GetStream();
                var reader = new StreamReader(stream);
                var writer = new StreamWriter(stream) { AutoFlush = true };
                for (var round = 0; round < Rounds; round++)
                {
                    await writer.WriteLineAsync("hello " + round);
                    Assert.Equal("hello " + round, await reader.ReadLineAsync(cancellation));
                }

                client.Client.Shutdown(SocketShutdown.Send);
                Assert.Null(await reader.ReadLineAsync(cancellation));
                stream.Close();
                client.Close();
            }));
            await server.WaitAsync(Loopback.Timeout);
            listener.Stop();
            Assert.Empty(scope.Violations);
        }

        [Fact]
        public async Task UdpEcho_WithUdpClientAndSocket_ReportsNothing()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            var cancellation = Loopback.Cancellation();
            using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var serverEndPoint = (IPEndPoint)server.Client.LocalEndPoint!;
            var echo = Task.Run(async () =>
            {
                for (var i = 0; i < Clients * Rounds; i++)
                {
                    var datagram = await server.ReceiveAsync(cancellation);
                    await server.SendAsync(datagram.Buffer, datagram.RemoteEndPoint, cancellation);
                }
            });

            await Task.WhenAll(Enumerable.Range(0, Clients).Select(index => Task.Run(async () =>
            {
                if (index % 2 == 0)
                {
                    using var client = new UdpClient(AddressFamily.InterNetwork);
                    client.Connect(serverEndPoint);
                    for (var round = 0; round < Rounds; round++)
                    {
                        await client.SendAsync(new byte[] { (byte)round }, cancellation);
                        Assert.Equal((byte)round, (await client.ReceiveAsync(cancellation)).Buffer[0]);
                    }
                }
                else
                {
                    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    var buffer = new byte[16];
                    for (var round = 0; round < Rounds; round++)
                    {
                        socket.SendTo(new byte[] { (byte)round }, serverEndPoint); // binds implicitly (D11)
                        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                        Assert.Equal(1, socket.ReceiveFrom(buffer, ref from));
                    }
                }
            })));
            await echo.WaitAsync(Loopback.Timeout);
            Assert.Empty(scope.Violations);
        }

        private static void EchoUntilEnd(Socket accepted)
        {
            using (accepted)
            {
                var buffer = new byte[256];
                int read;
                while ((read = accepted.Receive(buffer)) > 0)
                {
                    accepted.Send(buffer, 0, read, SocketFlags.None);
                }

                accepted.Shutdown(SocketShutdown.Both);
            }
        }

        private static void ReceiveExactly(Socket socket, Span<byte> buffer)
        {
            while (buffer.Length > 0)
            {
                var read = socket.Receive(buffer);
                Assert.True(read > 0, "the echo server closed early");
                buffer = buffer[read..];
            }
        }
    }
}
