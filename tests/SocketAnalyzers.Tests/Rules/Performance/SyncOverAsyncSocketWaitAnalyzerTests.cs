using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    public sealed partial class SyncOverAsyncSocketWaitAnalyzerTests
    {
        /// <summary>The message phrase of a wait that blocks (the other: a pending event-args ValueTask, PendingValueTask tests).</summary>
        private const string Blocks = "blocks on the task of";

        /// <summary>The message phrase of a wait on a pending ValueTask whose source is the socket's event args.</summary>
        private const string ReturnsDefault = "returns a default result (null or 0) at once instead of waiting for the pending ValueTask of";

        public static TheoryData<string, string, string, string> Waits => new()
        {
            { "var n = socket.ReceiveAsync(buffer, SocketFlags.None).{|#0:Result|};", ".Result", "Socket.ReceiveAsync", Blocks },
            { "socket.ConnectAsync(endPoint).{|#0:Wait|}();", ".Wait()", "Socket.ConnectAsync", Blocks },
            { "var s = socket.AcceptAsync().GetAwaiter().{|#0:GetResult|}();", ".GetAwaiter().GetResult()", "Socket.AcceptAsync", Blocks },
            { "var n = socket.ReceiveAsync(buffer.AsMemory()).GetAwaiter().{|#0:GetResult|}();", ".GetAwaiter().GetResult()", "Socket.ReceiveAsync", ReturnsDefault },
            { "var n = socket.ReceiveAsync(buffer.AsMemory()).AsTask().{|#0:Result|};", ".Result", "Socket.ReceiveAsync", Blocks },
            { "var n = stream.ReadAsync(buffer, 0, 4).ConfigureAwait(false).GetAwaiter().{|#0:GetResult|}();", ".GetAwaiter().GetResult()", "NetworkStream.ReadAsync", Blocks },
            { "stream.WriteAsync(buffer, 0, 4).{|#0:Wait|}();", ".Wait()", "NetworkStream.WriteAsync", Blocks },
            { "var c = listener.AcceptTcpClientAsync().{|#0:Result|};", ".Result", "TcpListener.AcceptTcpClientAsync", Blocks },
            { "client.ConnectAsync(\"localhost\", 80).{|#0:Wait|}();", ".Wait()", "TcpClient.ConnectAsync", Blocks },
            { "var r = udp.ReceiveAsync().{|#0:Result|};", ".Result", "UdpClient.ReceiveAsync", Blocks },
            { "var t = socket.ReceiveAsync(buffer, SocketFlags.None); var n = t.{|#0:Result|};", ".Result", "Socket.ReceiveAsync", Blocks },
        };

        [Theory]
        [MemberData(nameof(Waits))]
        public async Task WaitOnSocketTask_Reports(string statement, string how, string member, string phrase)
        {
            await Verify.VerifyAsync(Code(statement), Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(how, member, phrase));
            await Verify.VerifyAsync(Code(statement), TestFramework.Net80, Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(how, member, phrase));
        }

        [Theory]
        [InlineData("var t = socket.ReceiveAsync(buffer, SocketFlags.None); if (t.IsCompleted) { var n = t.Result; }")]
        [InlineData("var t = socket.ReceiveAsync(buffer, SocketFlags.None); Task.WaitAll(t); var n = t.Result;")]
        [InlineData("var t = socket.ReceiveAsync(buffer, SocketFlags.None); t = Task.FromResult(0); var n = t.Result;")]
        [InlineData("var a = Dns.GetHostAddressesAsync(\"localhost\").Result;")]
        [InlineData("var x = Task.Run(() => 1).Result;")]
        [InlineData("var text = File.ReadAllTextAsync(\"a\").Result;")]
        [InlineData("socket.ConnectAsync(endPoint).Wait(100);")]
        [InlineData("var t = socket.ReceiveAsync(buffer, SocketFlags.None); var ok = t.IsCompletedSuccessfully; var n = t.Result;")]
        public async Task WaitOnOtherTasksOrCompletedTask_DoesNotReport(string statement) =>
            await Verify.VerifyAsync(Code(statement));

        private static string Code(string statement) => $$"""
            using System;
            using System.IO;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class C
            {
                void M(Socket socket, NetworkStream stream, TcpListener listener, TcpClient client, UdpClient udp, byte[] buffer, EndPoint endPoint)
                {
                    {{statement}}
                }
            }
            """;
    }
}
