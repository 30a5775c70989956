using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// A method that reads from a socket parameter and then calls itself with that socket is a receive loop: once the
    /// peer has closed, every read completes at once with 0 (D12) and the method calls itself again.
    /// </summary>
    public sealed class RecursiveReadTests
    {
        private static string Code(string body, string socket = "TcpClient k") => $$"""
            using System;
            using System.Net.Sockets;
            using System.Text;

            class Form1
            {
                void Show(string text) => Console.WriteLine(text);

                public async void StartReading({{socket}}, int tag)
                {
                    var buffer = new byte[1024];
                    int n = 0;
                    {{body}}
                }
            }
            """;

        [Theory]
        [InlineData("try { n = await k.GetStream().{|#0:ReadAsync|}(buffer, 0, buffer.Length); } catch (Exception e) { Show(e.Message); return; } Show(Encoding.Unicode.GetString(buffer, 0, n)); StartReading(k, tag);", "NetworkStream.ReadAsync")]
        public async Task ReadsThenCallsItselfWithTheSameSocket_Reports(string body, string member) =>
            await Verify.VerifyAsync(Code(body), Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments(member));

        [Fact]
        public async Task SocketParameterReadThenPassedAgain_Reports() =>
            await Verify.VerifyAsync(
                Code("n = await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None); if (n > 0) Show(Encoding.UTF8.GetString(buffer, 0, n)); StartReading(socket, tag + 1);", "Socket socket"),
                Verify.Diagnostic("SOCK402").WithLocation(0).WithArguments("Socket.ReceiveAsync"));

        [Theory]
        // The 0 leaves; the call goes to another socket; a loop (judged as a loop); a call that is not the method itself.
        [InlineData("n = await k.GetStream().ReadAsync(buffer, 0, buffer.Length); if (n == 0) return; Show(Encoding.Unicode.GetString(buffer, 0, n)); StartReading(k, tag);")]
        [InlineData("n = await k.GetStream().ReadAsync(buffer, 0, buffer.Length); if (n > 0) StartReading(k, tag);")]
        [InlineData("n = await k.GetStream().ReadAsync(buffer, 0, buffer.Length); Show(n.ToString()); StartReading(new TcpClient(), tag);")]
        [InlineData("n = await k.GetStream().ReadAsync(buffer, 0, buffer.Length); Show(n.ToString()); Other(k);")]
        [InlineData("var own = new TcpClient(); n = await own.GetStream().ReadAsync(buffer, 0, buffer.Length); Show(n.ToString()); StartReading(k, tag);")]
        public async Task ZeroLeavesOrAnotherSocket_DoesNotReport(string body) =>
            await Verify.VerifyAsync(Code(body).Replace("void Show(string text)", "void Other(TcpClient c) { }\n    void Show(string text)"));
    }
}
