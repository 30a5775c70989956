using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using static SocketAnalyzers.RuntimeVerifier.Tests.VerifierScope;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>Leaked sockets are reported with the line that created them after a GC; disposed ones never are.</summary>
    public sealed class LeakDetectionTests
    {
        [Fact]
        public void LeakedSocket_IsReportedWithItsCreationLine()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);

            var line = LeakOneSocket();
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal(DiagnosticIds.SocketNotDisposed, leak.RuleId);
            Assert.Equal("created", leak.Creation.How);
            Assert.EndsWith("LeakDetectionTests.cs", leak.Creation.Location.File, StringComparison.Ordinal);
            Assert.Equal("Bind", Assert.Single(leak.History).Site.Member);
            Assert.Contains(nameof(LeakOneSocket), leak.Creation.StackTrace, StringComparison.Ordinal);
        }

        [Fact]
        public void EveryLeakedSocket_IsReported_EvenWhenItsFinalizerCouldRunFirst()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);

            var lines = Enumerable.Range(0, 4).Select(_ => LeakOneSocket()).ToArray();
            CollectGarbage();

            Assert.Equal(4, scope.Leaks.Count(l => l.Creation.Location.Line == lines[0]));
        }

        [Fact]
        public void DisposedSockets_AreNeverReported_WhetherDisposeWasInterceptedOrNot()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);

            var lines = DisposeTwoSockets();
            CollectGarbage();

            Assert.DoesNotContain(scope.Leaks, l => lines.Contains(l.Creation.Location.Line));
        }

        [Fact]
        public void LeakedTcpClient_IsReported_EvenWhenItsOwnFinalizerCouldRunFirst()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);

            var line = LeakOneTcpClient();
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal(Protocol.SocketApi.TcpClient, leak.Api);
        }

        [Fact]
        public async Task LeakedClientFromAcceptTcpClientAsync_IsReportedAtTheAcceptLine()
        {
            using var scope = new VerifierScope(ReportMode.Callback, LeakDetectionLevel.Full);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            using var client = new TcpClient();
            await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);

            var line = await AcceptAndLeakAsync(listener);
            listener.Stop();
            CollectGarbage();

            var leak = Assert.Single(scope.Leaks, l => l.Creation.Location.Line == line);
            Assert.Equal("accepted", leak.Creation.How);
            Assert.Equal("TcpListener.AcceptTcpClientAsync", leak.Creation.Member);
        }

        [Fact]
        public void SampledLevel_WatchesOneSocketInInterval()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            SocketVerifier.Configure(new VerifierOptions { Mode = ReportMode.Callback, LeakDetection = LeakDetectionLevel.Sampled, LeakSampleInterval = 4 });

            var lines = Enumerable.Range(0, 8).Select(_ => LeakOneSocket()).ToArray();
            CollectGarbage();

            // Eight sockets seen one after the other include exactly two multiples of four.
            Assert.Equal(2, scope.Leaks.Count(l => l.Creation.Location.Line == lines[0]));
            Assert.All(scope.Leaks, l => Assert.Null(l.Creation.StackTrace));
        }

        [Fact]
        public void OpenSockets_AreListedOnDemand_UntilDisposed()
        {
            using var scope = new VerifierScope(ReportMode.Callback);
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var line = Line();
            socket.Bind(Loopback.AnyPort);

            Assert.Contains(SocketVerifier.GetOpenSockets(), open => open.Creation.Location.Line == line);
            socket.Dispose();
            Assert.DoesNotContain(SocketVerifier.GetOpenSockets(), open => open.Creation.Location.Line == line);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<int> AcceptAndLeakAsync(TcpListener listener)
        {
            var accepted = await listener.AcceptTcpClientAsync(); var line = Line();
            Assert.True(accepted.Connected);
            return line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int LeakOneSocket()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var line = Line();
            socket.Bind(Loopback.AnyPort);
            return line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int LeakOneTcpClient()
        {
            var client = new TcpClient(AddressFamily.InterNetwork); var line = Line();
            client.Client.Bind(Loopback.AnyPort); // the client's own socket: its owner is what leaks
            Assert.Throws<InvalidOperationException>(() => client.GetStream()); // unconnected (SOCK111), and now seen
            return line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int[] DisposeTwoSockets()
        {
            var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); var firstLine = Line();
            first.Bind(Loopback.AnyPort);
            first.Dispose();
            var secondLine = Line(); using (var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                second.Bind(Loopback.AnyPort); // disposed by the using statement, which no interceptor sees
            }

            return new[] { firstLine, secondLine };
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
