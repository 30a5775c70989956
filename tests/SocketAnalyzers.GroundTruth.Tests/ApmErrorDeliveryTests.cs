using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using Xunit;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// The flow engine treats an APM <c>Begin*</c> call on a socket or network stream as no throw point: a network
    /// failure reaches the callback, and its <c>End*</c> call throws it. Measured here on live sockets (a refused
    /// connect, a reset connection), so that a socket handed to its callback as the state argument is the callback's
    /// to close even when the operation fails.
    /// </summary>
    public sealed class ApmErrorDeliveryTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(Scenario.SocketTimeoutMilliseconds);

        [LinuxFact]
        public async Task BeginConnect_Refused_ThrowsOnlyInEndConnect()
        {
            using var scenario = new Scenario();
            var closedPort = ClosedPort();
            var socket = scenario.Own(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

            socket.BeginConnect(new IPEndPoint(IPAddress.Loopback, closedPort), ar => done.SetResult(Catch(() => socket.EndConnect(ar))), null);

            var error = Assert.IsType<SocketException>(await done.Task.WaitAsync(Timeout));
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }

        [LinuxFact]
        public async Task BeginSendAndBeginReceive_OnAResetConnection_ThrowNothingSynchronously()
        {
            using var scenario = new Scenario();
            var (server, client) = ResetPair(scenario);
            var buffer = new byte[16];
            var sent = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var received = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

            server.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, ar => received.SetResult(Catch(() => server.EndReceive(ar))), null);
            await received.Task.WaitAsync(Timeout);
            server.BeginSend(buffer, 0, buffer.Length, SocketFlags.None, ar => sent.SetResult(Catch(() => server.EndSend(ar))), null);

            Assert.IsType<SocketException>(await sent.Task.WaitAsync(Timeout));
            GC.KeepAlive(client);
        }

        [LinuxFact]
        public async Task NetworkStreamBeginWrite_OnAResetConnection_ThrowsOnlyInEndWrite()
        {
            using var scenario = new Scenario();
            var (server, client) = ResetPair(scenario);
            var stream = scenario.Own(new NetworkStream(server, ownsSocket: false));
            var buffer = new byte[16];
            var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);

            stream.BeginWrite(buffer, 0, buffer.Length, ar => done.SetResult(Catch(() => stream.EndWrite(ar))), null);

            Assert.IsType<System.IO.IOException>(await done.Task.WaitAsync(Timeout));
            GC.KeepAlive(client);
        }

        /// <summary>A connected pair whose client end was closed with linger 0: the server end is reset.</summary>
        private static (Socket Server, Socket Client) ResetPair(Scenario scenario)
        {
            var listener = scenario.Own(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            var client = scenario.Own(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            client.Connect(listener.LocalEndPoint!);
            var server = scenario.Own(listener.Accept());
            client.LingerState = new LingerOption(true, 0);
            client.Close();
            System.Threading.Thread.Sleep(100);
            return (server, client);
        }

        private static int ClosedPort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        private static Exception? Catch(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
    }
}
