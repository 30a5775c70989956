using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer,
    SocketAnalyzers.CodeFixes.Reliability.ReceiveUntilFullFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Reliability
{
    public sealed class ReceiveUntilFullFixTests
    {
        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.Net100)]
        [InlineData(TestFramework.NetStandard20)]
        public async Task SocketReceive_BecomesReceiveUntilFullLoop(TestFramework framework)
        {
            const string source = """
                using System.IO;
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket, byte[] header, int count)
                    {
                        socket.{|#0:Receive|}(header);
                        return header[0] + count;
                    }
                }
                """;
            const string fixedSource = """
                using System.IO;
                using System.Net.Sockets;

                class C
                {
                    int M(Socket socket, byte[] header, int count)
                    {
                        for (var received = 0; received < header.Length;)
                        {
                            var count1 = socket.Receive(header, received, header.Length - received, SocketFlags.None);
                            if (count1 == 0)
                            {
                                throw new EndOfStreamException();
                            }

                            received += count1;
                        }
                        return header[0] + count;
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("Socket.Receive") }, fixedSource, framework);
        }

        [Fact]
        public async Task AwaitedReceiveAsync_BecomesAsyncLoopWithTokenAndFlags()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, byte[] header, CancellationToken ct)
                    {
                        await socket.{|#0:ReceiveAsync|}(header, SocketFlags.Peek);
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, byte[] header, CancellationToken ct)
                    {
                        for (var received = 0; received < header.Length;)
                        {
                            var count = await socket.ReceiveAsync(header.AsMemory(received), SocketFlags.Peek, ct);
                            if (count == 0)
                            {
                                throw new System.IO.EndOfStreamException();
                            }

                            received += count;
                        }
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("Socket.ReceiveAsync") }, fixedSource);
        }

        [Fact]
        public async Task DatagramSocket_OffersNoLoop()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    void M(byte[] buffer)
                    {
                        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        udp.{|#0:Receive|}(buffer);
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("Socket.Receive") }, source);
        }

        [Fact]
        public async Task HelperOrStoredCount_OffersNoLoop()
        {
            // Issue 13: a helper named Receive is no Socket.Receive, and a stored count is not a statement to replace.
            const string source = """
                using System.Net.Sockets;
                using System.Text;

                class C
                {
                    private readonly Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

                    int Receive(byte[] b) => socket.Receive(b);

                    string M(byte[] buffer)
                    {
                        this.{|#0:Receive|}(buffer);
                        var got = socket.{|#1:Receive|}(buffer);
                        return Encoding.ASCII.GetString(buffer);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("C.Receive"),
                    Verify.Diagnostic("SOCK401").WithLocation(1).WithArguments("Socket.Receive"),
                },
                source);
        }
    }
}
