using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketAnalyzers.GroundTruth.Tests.Harness;
using Xunit;

namespace SocketAnalyzers.GroundTruth.Tests
{
    /// <summary>
    /// SOCK302's message for waits on a socket's event-args ValueTask (trait PendingValueTaskReturnsDefault): while the
    /// operation is pending, <c>.Result</c> and <c>.GetAwaiter().GetResult()</c> do not wait, they return a default
    /// result at once; <c>AsTask()</c> first, a Task overload, or a ValueTask built by an async method, block.
    /// Measured here on loopback sockets (rules/SOCK302.md, "Why").
    /// </summary>
    public sealed class PendingValueTaskWaitTests
    {
        /// <summary>How long a wait that blocks is given before it counts as blocked.</summary>
        private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(300);

        [LinuxFact]
        public void AcceptAsyncWithToken_Result_ReturnsNullAtOnce()
        {
            using var scenario = new Scenario();
            var listener = Listener(scenario);
            var tcpListener = scenario.Own(new TcpListener(IPAddress.Loopback, 0));
            tcpListener.Start();

#pragma warning disable CA2012 // the point: a ValueTask consumed synchronously
            Assert.Null(WithinTimeout(() => listener.AcceptAsync(CancellationToken.None).Result));
            Assert.Null(WithinTimeout(() => tcpListener.AcceptSocketAsync(CancellationToken.None).Result));
#pragma warning restore CA2012
        }

        [LinuxFact]
        public void ReceiveAsyncOfMemory_GetResult_ReturnsZeroAtOnce()
        {
            using var scenario = new Scenario();
            var buffer = new byte[16];
            var (server, _) = Pair(scenario);
            var (streamServer, _) = Pair(scenario);
            var stream = scenario.Own(new NetworkStream(streamServer, ownsSocket: false));
            using var cancellation = new CancellationTokenSource();

#pragma warning disable CA2012
            Assert.Equal(0, WithinTimeout(() => server.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellation.Token).GetAwaiter().GetResult()));
            Assert.Equal(0, WithinTimeout(() => stream.ReadAsync(buffer.AsMemory(), cancellation.Token).Result));
#pragma warning restore CA2012
        }

        [LinuxFact]
        public void RealTasksAndAsyncBuiltValueTasks_Block()
        {
            using var scenario = new Scenario();
            var buffer = new byte[16];
            var (server, _) = Pair(scenario);
            var listener = Listener(scenario);
            var tcpListener = scenario.Own(new TcpListener(IPAddress.Loopback, 0));
            tcpListener.Start();

#pragma warning disable CA2012
            Assert.True(Blocks(() => server.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().Result));
            Assert.True(Blocks(() => listener.AcceptAsync().Result));
            Assert.True(Blocks(() => tcpListener.AcceptTcpClientAsync(CancellationToken.None).Result));
#pragma warning restore CA2012
        }

        private static T WithinTimeout<T>(Func<T> wait)
        {
            var task = Task.Run(wait);
            Assert.True(task.Wait(TimeSpan.FromMilliseconds(Scenario.SocketTimeoutMilliseconds)), "the wait did not return");
            return task.Result;
        }

        private static bool Blocks<T>(Func<T> wait) => !Task.Run(wait).Wait(Blocked);

        private static Socket Listener(Scenario scenario)
        {
            var listener = scenario.Own(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen();
            return listener;
        }

        private static (Socket Server, Socket Client) Pair(Scenario scenario)
        {
            var listener = Listener(scenario);
            var client = scenario.Own(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
            client.Connect(listener.LocalEndPoint!);
            return (scenario.Own(listener.Accept()), client);
        }
    }
}
