using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Tests.Meta.QuietCode;

namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>
    /// The quiet code is correct, not just silent: it runs here on loopback (127.0.0.1 and a Unix socket path in the
    /// temp folder), each test bounded by a timeout so a broken peer fails the test instead of hanging it.
    /// </summary>
    public sealed class QuietCodeRuntimeTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

        private static readonly byte[] Message = Encoding.UTF8.GetBytes(new string('x', 100_000) + "end");

        [Fact]
        public async Task EchoServer_EchoesBothClients()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            using var server = EchoServer.Listen(new IPEndPoint(IPAddress.Loopback, 0));
            var running = server.RunAsync(cancellation.Token);

            Assert.Equal(Message, await EchoClient.RoundTripAsync(server.LocalEndPoint, Message, cancellation.Token));
            Assert.Equal(Message, await EchoClient.RoundTripWithTcpClientAsync(server.LocalEndPoint, Message, cancellation.Token));

            server.Dispose();
            await running.WaitAsync(Timeout);
        }

        [Fact]
        public async Task TcpListenerServer_CountsWhatEachClientSent()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var endPoint = (IPEndPoint)listener.LocalEndpoint;
            var serving = TcpListenerServer.ServeAsync(listener, clients: 2, cancellation.Token);

            Assert.Equal(Message.Length, await TcpListenerServer.SendAndCountAsync(endPoint, Message, cancellation.Token));
            Assert.Equal(3, await TcpListenerServer.SendAndCountAsync(endPoint, new byte[3], cancellation.Token));
            await serving.WaitAsync(Timeout);
        }

        [Fact]
        public async Task UdpEcho_EchoesDatagrams_IncludingAnEmptyOne()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            using var socket = UdpEcho.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var serving = UdpEcho.ServeAsync(socket, datagrams: 2, cancellation.Token);
            var server = (IPEndPoint)socket.LocalEndPoint!;

            Assert.Equal(new byte[] { 1, 2, 3 }, await UdpEcho.RoundTripAsync(server, new byte[] { 1, 2, 3 }, cancellation.Token));
            Assert.Empty(await UdpEcho.RoundTripAsync(server, Array.Empty<byte>(), cancellation.Token));
            await serving.WaitAsync(Timeout);
        }

        [Fact]
        public async Task OwnedConnection_ExchangesFrames()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            using var server = EchoServer.Listen(new IPEndPoint(IPAddress.Loopback, 0));
            var running = server.RunAsync(cancellation.Token);

            await using (var connection = await OwnedConnection.ConnectAsync(server.LocalEndPoint, cancellation.Token))
            {
                await connection.WriteFrameAsync(Message, cancellation.Token);
                Assert.Equal(Message, await connection.ReadFrameAsync(cancellation.Token));
            }

            server.Dispose();
            await running.WaitAsync(Timeout);
        }

        [Fact]
        public async Task OwnedConnection_DisposesTheSocket_WhenConnectFails()
        {
            // A port that was just free: nothing listens there, so Connect is refused.
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var closedPort = (IPEndPoint)probe.LocalEndPoint!;
            probe.Dispose();

            using var cancellation = new CancellationTokenSource(Timeout);
            await Assert.ThrowsAsync<SocketException>(() => OwnedConnection.ConnectAsync(closedPort, cancellation.Token));
        }

        [Fact]
        public async Task UnixDomainEcho_EchoesOverASocketPath()
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            var path = Path.Combine(Path.GetTempPath(), "sa-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".sock");
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var serving = UnixDomainEcho.ServeOnceAsync(path, listening, cancellation.Token);
            await Task.WhenAny(listening.Task, serving).WaitAsync(Timeout);

            Assert.Equal(Message, await UnixDomainEcho.RoundTripAsync(path, Message, cancellation.Token));
            await serving.WaitAsync(Timeout);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void Traps_AreLegal_AndOptionsTakeEffectBeforeBind()
        {
            using var listener = SocketOptionsAndTraps.DualModeListener(port: 0);
            Assert.True(listener.DualMode);
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port));
            using var accepted = listener.Accept();
            SocketOptionsAndTraps.Tune(client);
            Assert.True(client.NoDelay);
            SocketOptionsAndTraps.CloseTwice(client);

            using var receiver = UdpEcho.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var target = (IPEndPoint)receiver.LocalEndPoint!;
            Assert.Equal(4, SocketOptionsAndTraps.SendToUnboundAndReconnect(target, target, new byte[] { 7, 7 }));
            using (SocketOptionsAndTraps.UnixStream())
            using (SocketOptionsAndTraps.IPv4Default())
            {
            }
        }
    }
}
