using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// An async entry point runs on the main thread until its first await, and that thread has nothing else to do: a
    /// blocking call there holds up no pool thread and no UI. After the first await, or in a loop that awaits, it does.
    /// </summary>
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        private static string AsyncMain(string body) => """
            using System.Net.Sockets;
            using System.Threading.Tasks;

            static class Program
            {
                static async Task Main()
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            """ + body + """

                }
            }
            """;

        [Theory]
        [InlineData("socket.Connect(\"localhost\", 80); await socket.SendAsync(new byte[1], SocketFlags.None);")]
        [InlineData("if (socket.Available == 0) { socket.Connect(\"localhost\", 80); } await Task.Delay(1);")]
        public async Task BeforeTheFirstAwaitOfAnAsyncMain_DoesNotReport(string body) =>
            await Verify.VerifyAsync(AsyncMain(body));

        [Theory]
        [InlineData("await Task.Delay(1); socket.{|#0:Connect|}(\"localhost\", 80);")]
        [InlineData("while (true) { socket.{|#0:Connect|}(\"localhost\", 80); await Task.Delay(1); }")]
        public async Task AfterAnAwaitOfAnAsyncMain_Reports(string body) =>
            await Verify.VerifyAsync(AsyncMain(body), Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Connect", "ConnectAsync"));

        [Fact]
        public async Task BeforeTheFirstAwaitOfAnotherAsyncMethod_Reports()
        {
            // Any other async method runs its start on its caller's thread: a UI or pool thread that has other work.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Client
                {
                    static async Task Open(Socket socket)
                    {
                        socket.{|#0:Connect|}("localhost", 80);
                        await socket.SendAsync(new byte[1], SocketFlags.None);
                    }
                }
                """;
            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Connect", "ConnectAsync"));
        }
    }
}
