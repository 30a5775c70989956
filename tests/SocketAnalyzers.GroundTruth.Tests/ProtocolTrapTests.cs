using System;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// The traps of the semantics notes: calls that look wrong and are legal. Each test does it on live sockets and
    /// checks that the model has no entry for it, so no rule can report it.
    /// </summary>
    public sealed class ProtocolTrapTests
    {
        [LinuxFact]
        public void ListenTwiceOnABoundSocket_ThrowsNothing_AndIsNotAnEntry()
        {
            // A4.
            using var scenario = new Scenario();
            var socket = scenario.NewSocket(SocketKind.TcpV4);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.Listen();
            socket.Listen(5);

            AssertLegal(SocketApi.Socket, SocketOperation.Listen, After(SocketApi.Socket, SocketTransport.Stream, SocketOperation.Bind, SocketOperation.Listen), SocketTransport.Stream);
        }

        [LinuxFact]
        public void ShutdownTwice_ThrowsNothing_AndIsNotAnEntry()
        {
            // H3.
            using var scenario = new Scenario();
            var socket = scenario.NewSocket(SocketKind.TcpV4);
            scenario.Connect(socket, SocketKind.TcpV4);
            socket.Shutdown(SocketShutdown.Send);
            socket.Shutdown(SocketShutdown.Send);
            socket.Shutdown(SocketShutdown.Both);
            socket.Shutdown(SocketShutdown.Both);

            AssertLegal(SocketApi.Socket, SocketOperation.ShutdownSend, SocketStates.Of(ShutdownSend), SocketTransport.Stream);
            AssertLegal(SocketApi.Socket, SocketOperation.ShutdownBoth, SocketStates.Of(ShutdownBoth), SocketTransport.Stream);
        }

        [LinuxFact]
        public void UdpConnectTwice_LastOneWins_AndIsNotAnEntry()
        {
            // C8.
            using var scenario = new Scenario();
            var kind = new SocketKind(SocketTransport.Datagram, SocketFamily.IPv4);
            var first = scenario.NewSocket(kind);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var second = scenario.NewSocket(kind);
            second.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var socket = scenario.NewSocket(kind);
            socket.Connect(first.LocalEndPoint!);
            socket.Connect(second.LocalEndPoint!);
            socket.Send(new byte[] { 1, 2, 3 });

            Assert.Equal(3, second.Receive(new byte[16]));
            Assert.Equal(0, first.Available);
            AssertLegal(SocketApi.Socket, SocketOperation.Connect, SocketStates.Of(Connected), SocketTransport.Datagram);
        }

        [LinuxFact]
        public void SendToOnAnUnboundUdpSocket_BindsImplicitly_AndIsNotAnEntry()
        {
            // D11.
            using var scenario = new Scenario();
            var kind = new SocketKind(SocketTransport.Datagram, SocketFamily.IPv4);
            var peer = scenario.DatagramPeer(SocketFamily.IPv4);
            var socket = scenario.NewSocket(kind);
            socket.SendTo(new byte[] { 1 }, peer);

            Assert.True(socket.IsBound);
            AssertLegal(SocketApi.Socket, SocketOperation.SendTo, SocketStates.Of(Created), SocketTransport.Datagram);
            Assert.Equal(SocketStates.Of(Bound), ProtocolTable.Apply(SocketApi.Socket, SocketOperation.SendTo, SocketStates.Of(Created), SocketTransport.Datagram));
        }

        [LinuxFact]
        public void TcpListenerStartAfterStop_AndStartOrStopTwice_ThrowNothing_AndAreNotEntries()
        {
            // J3.
            using var scenario = new Scenario();
            var listener = scenario.Own(new TcpListener(IPAddress.Loopback, 0));
            listener.Start();
            listener.Start();
            listener.Stop();
            listener.Stop();
            listener.Start();
            Assert.False(listener.Pending());
            listener.Dispose();
            listener.Start();
            Assert.False(listener.Pending());

            var stopped = After(SocketApi.TcpListener, SocketTransport.Stream, SocketOperation.Start, SocketOperation.Stop);
            AssertLegal(SocketApi.TcpListener, SocketOperation.Start, stopped, SocketTransport.Stream);
            AssertLegal(SocketApi.TcpListener, SocketOperation.Stop, stopped, SocketTransport.Stream);
            AssertLegal(SocketApi.TcpListener, SocketOperation.Start, SocketStates.Of(Listening), SocketTransport.Stream);
        }

        [LinuxFact]
        public void CloseTwice_ThrowsNothing_AndIsNotAnEntry()
        {
            // G1, J9.
            using var scenario = new Scenario();
            var socket = scenario.NewSocket(SocketKind.TcpV4);
            socket.Dispose();
            socket.Close();
            Assert.False(socket.Connected);
            var udp = scenario.Own(new UdpClient(AddressFamily.InterNetwork));
            udp.Close();
            udp.Close();

            AssertLegal(SocketApi.Socket, SocketOperation.Close, SocketStates.Of(Closed), SocketTransport.Stream);
            AssertLegal(SocketApi.UdpClient, SocketOperation.Close, SocketStates.Of(Closed), SocketTransport.Datagram);
        }

        [LinuxFact]
        public void ReuseAddressOnAUnixSocket_FailsInEveryState_SoItIsNotAnOrderFact()
        {
            // Why the ReuseAddress entry is measured on IP only: AF_UNIX refuses the option before Bind too.
            using var scenario = new Scenario();
            var socket = scenario.NewSocket(new SocketKind(SocketTransport.Stream, SocketFamily.Unix));
            var error = Assert.Throws<SocketException>(() => socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true));
            Assert.Equal(SocketError.OperationNotSupported, error.SocketErrorCode);
        }

        [LinuxFact]
        public void DualModeOnAnIPv4Socket_FailsInEveryState_SoItIsNotAnOrderFact()
        {
            // F15: why DualMode is measured on IPv6 only.
            using var scenario = new Scenario();
            var socket = scenario.NewSocket(SocketKind.TcpV4);
            Assert.Throws<NotSupportedException>(() => socket.DualMode = true);
        }

        private static SocketStates After(SocketApi api, SocketTransport transport, params SocketOperation[] operations)
        {
            var states = SocketStates.Of(Created);
            foreach (var operation in operations)
            {
                states = ProtocolTable.Apply(api, operation, states, transport);
            }

            return states;
        }

        private static void AssertLegal(SocketApi api, SocketOperation operation, SocketStates states, SocketTransport transport) =>
            Assert.Null(ProtocolTable.FindViolation(api, operation, states, transport)?.DiagnosticId);
    }
}
