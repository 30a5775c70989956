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

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Expected() => new[]
        {
            Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("NetworkStream.Read"),
            Verify.Diagnostic("SOCK401").WithLocation(1).WithArguments("NetworkStream.Read"),
            Verify.Diagnostic("SOCK401").WithLocation(2).WithArguments("NetworkStream.ReadAsync"),
        };
    }
}
