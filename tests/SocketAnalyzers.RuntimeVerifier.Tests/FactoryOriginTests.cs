using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>
    /// A program whose sockets all come from factories (helpers of its own, private or local functions) and from
    /// accepts the verifier cannot observe returning (ValueTask and Begin/End): reports name the line that obtained
    /// the socket and the method that returned it, instead of "first seen at" the first call on it. Real loopback
    /// sockets, bounded by timeouts.
    /// </summary>
    public sealed class FactoryOriginTests
    {
        [Fact]
        public void LeakedSocketFromAPrivateFactory_IsReportedAtTheFactoryCall()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);

            var line = LeakFromFactory();
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal(DiagnosticIds.SocketNotDisposed, leak.RuleId);
            Assert.Equal("created", leak.Creation.How);
            Assert.Equal("FactoryOriginTests.Tcp", leak.Creation.Member);
            Assert.EndsWith("FactoryOriginTests.cs", leak.Creation.Location.File, StringComparison.Ordinal);
        }

        [Fact]
        public void ViolationOnASocketFromALocalFunctionFactory_NamesTheFactoryCall()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            static Socket Bound()
            {
                var socket = Loopback.Tcp();
                socket.Bind(Loopback.AnyPort);
                return socket;
            }

            // The factory binds its socket where the verifier sees it: the origin is the call inside it, the factory
            // Loopback.Tcp, and the second Bind, out here, is still checked against the state it left.
            using var bound = Bound();
            Assert.Throws<SocketException>(() => bound.Bind(Loopback.AnyPort));

            var violation = scope.Single(DiagnosticIds.BindOnBoundSocket);
            Assert.Equal("created", violation.Creation.How);
            Assert.Equal("Loopback.Tcp", violation.Creation.Member);
        }

        [Fact]
        public void SocketFromAFactoryThatConnectsUnseen_IsNotAssumedFresh()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();

            // Connected inside a helper whose calls the verifier does not see (another assembly): the factory's socket
            // is connected when the program first uses it, and a send on it is no violation.
            using var connected = ConnectUnseen((IPEndPoint)listener.LocalEndpoint); var line = Line();
            connected.Send(new byte[] { 1 });

            Assert.Empty(scope.Violations);
            Assert.Contains(SocketVerifier.GetOpenSockets(), open => open.Creation.Location.Line == line && open.Creation.Member == "FactoryOriginTests.ConnectUnseen");
        }

        [Fact]
        public async Task LeakedSocketFromAValueTaskAccept_IsReportedAtTheAcceptLine()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            using var client = new TcpClient();
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);

            var line = await AcceptWithTokenAndLeakAsync(listener);
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal("accepted", leak.Creation.How);
            Assert.Equal("TcpListener.AcceptSocketAsync", leak.Creation.Member);
        }

        [Fact]
        public void LeakedSocketFromEndAccept_IsReportedAtTheEndAcceptLine()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);
            using var server = Loopback.Tcp();
            server.Bind(Loopback.AnyPort);
            server.Listen();
            using var client = Loopback.Tcp();
            client.Connect((IPEndPoint)server.LocalEndPoint!);

            var line = EndAcceptAndLeak(server);
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal("accepted", leak.Creation.How);
            Assert.Equal("Socket.EndAccept", leak.Creation.Member);
        }

        private static Socket Tcp() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        /// <summary>Connects through a plain (uninstrumented) call path: reflection hides the Connect from the generator.</summary>
        private static Socket ConnectUnseen(IPEndPoint endpoint)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { SendTimeout = (int)Loopback.Timeout.TotalMilliseconds };
            typeof(Socket).GetMethod(nameof(Socket.Connect), new[] { typeof(EndPoint) })!.Invoke(socket, new object[] { endpoint });
            return socket;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int LeakFromFactory()
        {
            var socket = Tcp(); var line = Line();
            socket.Bind(Loopback.AnyPort);
            return line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<int> AcceptWithTokenAndLeakAsync(TcpListener listener)
        {
            var accepted = await listener.AcceptSocketAsync(Loopback.Cancellation()); var line = Line();
            accepted.Send(new byte[] { 1 });
            return line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int EndAcceptAndLeak(Socket server)
        {
            var pending = server.BeginAccept(null, null);
            Assert.True(pending.AsyncWaitHandle.WaitOne(Loopback.Timeout));
            var accepted = server.EndAccept(pending); var line = Line();
            accepted.Send(new byte[] { 1 });
            return line;
        }

        private static void CollectGarbage()
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }
    }
}
