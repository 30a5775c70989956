using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer,
    SocketAnalyzers.CodeFixes.Reliability.UseReadExactlyFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Reliability
{
    public sealed class UseReadExactlyFixTests
    {
        private const string Source = """
            using System.IO;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class C
            {
                async Task M(NetworkStream stream, TcpClient client, byte[] header, byte[] body, CancellationToken ct)
                {
                    stream.{|#0:Read|}(header, 0, header.Length);
                    _ = stream.{|#1:Read|}(header, 0, 2);
                    Stream s = client.GetStream();
                    await s.{|#2:ReadAsync|}(body, 0, body.Length, ct);
                }
            }
            """;

        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.Net100)]
        public async Task StreamReads_BecomeReadExactly(TestFramework framework)
        {
            const string fixedSource = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(NetworkStream stream, TcpClient client, byte[] header, byte[] body, CancellationToken ct)
                    {
                        stream.ReadExactly(header, 0, header.Length);
                        stream.ReadExactly(header, 0, 2);
                        Stream s = client.GetStream();
                        await s.ReadExactlyAsync(body, 0, body.Length, ct);
                    }
                }
                """;

            await Verify.VerifyFixAsync(Source, Expected(), fixedSource, framework);
        }

        [Fact]
        public async Task NetStandard20HasNoReadExactly_OffersNoFix() =>
            await Verify.VerifyFixAsync(Source, Expected(), Source, TestFramework.NetStandard20);

        [Fact]
        public async Task HelperOrStoredCount_OffersNoFix()
        {
            // Issue 13: a helper named Read has no ReadExactly, and a stored count is not a statement to replace.
            const string source = """
                using System.Net.Sockets;
                using System.Text;

                class C
                {
                    private readonly NetworkStream stream = new NetworkStream(new Socket(SocketType.Stream, ProtocolType.Tcp));

                    int Read(byte[] b, int offset, int count) => stream.Read(b, offset, count);

                    string M(byte[] buffer)
                    {
                        this.{|#0:Read|}(buffer, 0, buffer.Length);
                        var got = stream.{|#1:Read|}(buffer, 0, buffer.Length);
                        return Encoding.ASCII.GetString(buffer);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("C.Read"),
                    Verify.Diagnostic("SOCK401").WithLocation(1).WithArguments("NetworkStream.Read"),
                },
                source);
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Expected() => new[]
        {
            Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("NetworkStream.Read"),
            Verify.Diagnostic("SOCK401").WithLocation(1).WithArguments("NetworkStream.Read"),
            Verify.Diagnostic("SOCK401").WithLocation(2).WithArguments("NetworkStream.ReadAsync"),
        };
    }
}
