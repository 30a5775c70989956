using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>
    /// Transitions the verifier did not see (BCL internals, reflection, asynchronous completions) are caught up from
    /// the socket's observable state before anything is reported: no false violation from a missed call.
    /// </summary>
    public sealed class ResynchronisationTests
    {
        [Fact]
        public void ListenerServerSocket_FirstSeenAtAccept_IsKnownToListen()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(); // binds and listens its socket inside the BCL, where nothing is intercepted
            try
            {
                using var client = new TcpClient();
                client.Connect((IPEndPoint)listener.LocalEndpoint);

                using var accepted = listener.Server.Accept();

                Assert.True(accepted.Connected);
                Assert.Empty(scope.Violations);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void BindThroughReflection_ThenListen_IsNotReportedAsUnbound()
        {
            using var scope = new VerifierScope(ReportMode.Throw);
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // tracked: Created
            typeof(Socket).GetMethod(nameof(Socket.Bind), new[] { typeof(EndPoint) })!.Invoke(socket, new object[] { Loopback.AnyPort });

            socket.Listen();

            Assert.Empty(scope.Violations);
        }

        [Fact]
        public async Task ListenAfterAsyncConnect_IsReportedAsConnectListenConflict()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(pair.Listener.LocalEndPoint!); // the transition is not applied eagerly
            using var accepted = pair.Listener.Accept();

            Assert.Throws<SocketException>(() => client.Listen()); var line = Line();

            var violation = scope.Single(DiagnosticIds.ConnectListenConflict);
            Assert.Equal(line, violation.Site.Line);
            Assert.Equal("Connected", violation.States.ToString());
        }

        [Fact]
        public void ConnectAfterRefusedConnect_StillSucceeds_BecauseTheHandleIsNeverRead()
        {
            // socket-semantics C4/C5: reading Socket.Handle after a failed connect makes the retry throw
            // PlatformNotSupportedException on Unix. The verifier observes the socket on every call here.
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            var closedPort = FreePort();
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

            Assert.Throws<SocketException>(() => socket.Connect(new IPEndPoint(IPAddress.Loopback, closedPort)));
            socket.Connect(pair.Listener.LocalEndPoint!);

            Assert.True(socket.Connected);
            Assert.Empty(scope.Violations);
        }

        private static int FreePort()
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(Loopback.AnyPort);
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
    }
}
