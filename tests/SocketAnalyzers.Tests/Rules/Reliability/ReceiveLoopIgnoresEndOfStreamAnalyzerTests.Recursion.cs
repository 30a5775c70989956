using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    public sealed partial class ReceiveLoopIgnoresEndOfStreamAnalyzerTests
    {
        [Fact]
        public async Task HelpersThatCallEachOther_AreBoundedAndNotReported()
        {
            // Found on real code: two receive helpers that call each other once sent the helper summaries into
            // unbounded recursion (a stack overflow ends the compiler). Depth and the callers in progress bound the
            // question; an answer they cut short counts as "may signal", so the loop is not reported.
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    private readonly byte[] buffer = new byte[16];

                    void Run(Socket socket)
                    {
                        while (true)
                        {
                            ReadHeader(socket);
                        }
                    }

                    void ReadHeader(Socket socket)
                    {
                        socket.Receive(buffer, 0, 4, SocketFlags.None);
                        ReadBody(socket);
                    }

                    void ReadBody(Socket socket)
                    {
                        socket.Receive(buffer, 4, 12, SocketFlags.None);
                        ReadHeader(socket);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
