using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>
    /// Every protocol rule the static analyzers know, caught on a live loopback socket with its ID and call site, while
    /// the real member still runs and throws what it throws (callback mode changes nothing in the program).
    /// </summary>
    public sealed class ProtocolViolationTests
    {
        [Fact]
        public void ListenOnUdpSocket_ReportsSock101()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Udp();
            socket.Bind(Loopback.AnyPort);

            var error = Assert.Throws<SocketException>(() => socket.Listen()); var line = Line();

            Assert.Equal(SocketError.OperationNotSupported, error.SocketErrorCode);
            AssertSite(scope.Single(DiagnosticIds.ListenOnDatagramSocket), line, "Listen");
        }

        [Fact]
        public void AcceptOnBoundSocket_ReportsSock102()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();
            socket.Bind(Loopback.AnyPort);

            Assert.Throws<InvalidOperationException>(() => socket.Accept()); var line = Line();

            var violation = scope.Single(DiagnosticIds.AcceptOnNonListeningSocket);
            AssertSite(violation, line, "Accept");
            Assert.Equal("Bound", violation.States.ToString());
            Assert.Equal(new[] { "Bind", "Accept" }, Members(violation));
        }

        [Fact]
        public void ListenOnUnboundTcpSocket_ReportsSock103_ThoughListenSucceeds()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();

            socket.Listen(); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.ListenOnUnboundSocket), line, "Listen");
        }

        [Fact]
        public void ConnectOnListeningSocket_ReportsSock104()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var listener = Loopback.Tcp();
            listener.Bind(Loopback.AnyPort);
            listener.Listen();

            Assert.Throws<InvalidOperationException>(() => listener.Connect(listener.LocalEndPoint!)); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.ConnectListenConflict), line, "Connect");
        }

        [Fact]
        public void SendOnUnconnectedTcpSocket_ReportsSock105()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();

            Assert.Throws<SocketException>(() => socket.Send(new byte[] { 1 })); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.SendReceiveOnUnconnectedSocket), line, "Send");
        }

        [Fact]
        public void SendAfterShutdownSend_ReportsSock105()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            pair.Client.Shutdown(SocketShutdown.Send);

            Assert.Throws<SocketException>(() => pair.Client.Send(new byte[] { 1 })); var line = Line();

            var violation = scope.Single(DiagnosticIds.SendReceiveOnUnconnectedSocket);
            AssertSite(violation, line, "Send");
            Assert.Equal("ShutdownSend", violation.States.ToString());
        }

        [Fact]
        public void UdpClientSendWithoutDefaultRemote_ReportsSock105()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var client = new UdpClient(0);

            Assert.Throws<InvalidOperationException>(() => client.Send(new byte[] { 1 }, 1)); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.SendReceiveOnUnconnectedSocket), line, "Send");
        }

        [Fact]
        public void SendAfterClose_ReportsSock106()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            pair.Client.Close();

            Assert.Throws<ObjectDisposedException>(() => pair.Client.Send(new byte[] { 1 })); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.UseAfterClose), line, "Send");
        }

        [Fact]
        public void WriteOnDisposedNetworkStream_ReportsSock106()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();
            var stream = new NetworkStream(pair.Client, ownsSocket: false);
            stream.Dispose();

            Assert.Throws<ObjectDisposedException>(() => stream.Write(new byte[] { 1 }, 0, 1)); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.UseAfterClose), line, "Write");
        }

        [Fact]
        public void BindTwice_ReportsSock107()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();
            socket.Bind(Loopback.AnyPort);

            var error = Assert.Throws<SocketException>(() => socket.Bind(Loopback.AnyPort)); var line = Line();

            Assert.Equal(SocketError.InvalidArgument, error.SocketErrorCode);
            AssertSite(scope.Single(DiagnosticIds.BindOnBoundSocket), line, "Bind");
        }

        [Fact]
        public void BindAfterConnect_OnTcp_ReportsSock107()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var pair = ConnectedPair.Open();

            Assert.Throws<SocketException>(() => pair.Client.Bind(Loopback.AnyPort)); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.BindOnBoundSocket), line, "Bind");
        }

        [Fact]
        public void BindAfterConnect_OnUnixStream_IsLegal_AndNotReported()
        {
            // The connecting side of an AF_UNIX stream has no name; Bind gives it one (the table's family exception).
            using var scope = new VerifierScope(ReportMode.Throw);
            var directory = Directory.CreateTempSubdirectory("sockverify");
            try
            {
                using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                listener.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "server")));
                listener.Listen();
                using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                client.Connect(listener.LocalEndPoint!);

                client.Bind(new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "client")));

                Assert.Empty(scope.Violations);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        [Fact]
        public void ReuseAddressAfterBind_ReportsSock108_ThoughNothingThrows()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var socket = Loopback.Tcp();
            socket.Bind(Loopback.AnyPort);

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.PreBindOptionTooLate), line, "SetSocketOption");
        }

        [Fact]
        public void AcceptOnTcpListenerNotStarted_ReportsSock110()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            var listener = new TcpListener(IPAddress.Loopback, 0);

            Assert.Throws<InvalidOperationException>(() => listener.AcceptSocket()); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.TcpListenerAcceptWhenNotStarted), line, "AcceptSocket");
        }

        [Fact]
        public void AcceptAfterTcpListenerStop_ReportsSock110()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            listener.Stop();

            Assert.Throws<InvalidOperationException>(() => listener.AcceptTcpClient()); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.TcpListenerAcceptWhenNotStarted), line, "AcceptTcpClient");
        }

        [Fact]
        public void GetStreamOnUnconnectedTcpClient_ReportsSock111()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var client = new TcpClient();

            Assert.Throws<InvalidOperationException>(() => client.GetStream()); var line = Line();

            AssertSite(scope.Single(DiagnosticIds.StreamOnUnconnectedSocket), line, "GetStream");
        }

        private static void AssertSite(SocketViolation violation, int line, string member)
        {
            Assert.Equal(member, violation.Site.Member);
            Assert.Equal(line, violation.Site.Line);
            Assert.EndsWith("ProtocolViolationTests.cs", violation.Site.File, StringComparison.Ordinal);
            Assert.Contains(violation.Site.Member, Members(violation));
        }

        private static string[] Members(SocketViolation violation) =>
            Array.ConvertAll(System.Linq.Enumerable.ToArray(violation.History), access => access.Site.Member);
    }
}
