using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// Issue 13 (set D, Unity_TCP): StreamReader.EndOfStream fills an empty buffer with a synchronous Read on its stream;
    /// over a network stream that Read waits for the peer.
    /// </summary>
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        private const string EndOfStreamAdvice = "ReadLineAsync() == null";

        [Fact]
        public async Task EndOfStreamOfReaderOverNetworkStream_Reports()
        {
            const string source = """
                using System;
                using System.IO;
                using System.Net.Security;
                using System.Net.Sockets;
                using System.Text;
                using System.Threading.Tasks;

                class C
                {
                    async Task Handle(TcpClient client)
                    {
                        using (var stream = client.GetStream())
                        {
                            var reader = new StreamReader(stream, Encoding.UTF8);
                            while (!reader.{|#0:EndOfStream|})
                            {
                                var line = await reader.ReadLineAsync();
                            }
                        }
                    }

                    async Task Tls(NetworkStream network)
                    {
                        var tls = new SslStream(network);
                        StreamReader reader;
                        reader = new StreamReader(tls);
                        Func<Task<bool>> atEnd = async () => { await Task.Yield(); return new StreamReader(network).{|#1:EndOfStream|}; };
                        if (reader.{|#2:EndOfStream|}) return;
                        await reader.ReadLineAsync();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("StreamReader.EndOfStream", EndOfStreamAdvice),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("StreamReader.EndOfStream", EndOfStreamAdvice),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("StreamReader.EndOfStream", EndOfStreamAdvice));
        }

        [Fact]
        public async Task EndOfStreamThatDoesNotWaitForAPeer_DoesNotReport()
        {
            // Traps: synchronous code (and a synchronous lambda in async code); readers over files, memory and
            // parameters of unknown origin; a local that may hold a file reader on one branch; Peek, which skips the
            // read after a short one.
            const string source = """
                using System;
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    bool Sync(TcpClient client) => new StreamReader(client.GetStream()).EndOfStream;

                    async Task M(TcpClient client, StreamReader given, string path, bool fromFile)
                    {
                        await Task.Yield();
                        var file = new StreamReader(path);
                        var memory = new StreamReader(new MemoryStream());
                        var either = fromFile ? new StreamReader(path) : new StreamReader(client.GetStream());
                        var network = new StreamReader(client.GetStream());
                        Func<bool> check = () => network.EndOfStream;
                        if (file.EndOfStream || memory.EndOfStream || given.EndOfStream || either.EndOfStream || network.Peek() < 0) return;
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
