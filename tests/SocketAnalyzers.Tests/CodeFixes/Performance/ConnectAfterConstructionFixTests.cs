using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.ConnectAfterConstructionFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    /// <summary>Issue 13, item 4: <c>new TcpClient(host, port)</c> in async code becomes an unconnected client and an awaited ConnectAsync.</summary>
    public sealed class ConnectAfterConstructionFixTests
    {
        [Fact]
        public async Task DeclarationsAndAssignment_ConnectAsyncWithTheTokenInScope()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    private TcpClient? other;

                    async Task<NetworkStream> M(string host, int port, CancellationToken ct)
                    {
                        using var client = {|#0:new TcpClient(host, port)|};
                        // keeps this comment
                        TcpClient second = {|#1:new(host, 8080)|};
                        TcpClient third;
                        third = {|#2:new TcpClient("localhost", port)|};
                        other = {|#3:new TcpClient(host, port)|};
                        Use({|#4:new TcpClient(host, port)|});
                        second.Dispose();
                        third.Dispose();
                        return client.GetStream();
                    }

                    static void Use(TcpClient client) => client.Dispose();
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    private TcpClient? other;

                    async Task<NetworkStream> M(string host, int port, CancellationToken ct)
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(host, port, ct);
                        // keeps this comment
                        TcpClient second = new();
                        await second.ConnectAsync(host, 8080, ct);
                        TcpClient third;
                        third = new TcpClient();
                        await third.ConnectAsync("localhost", port, ct);
                        other = new TcpClient();
                        await other.ConnectAsync(host, port, ct);
                        Use({|#4:new TcpClient(host, port)|});
                        second.Dispose();
                        third.Dispose();
                        return client.GetStream();
                    }

                    static void Use(TcpClient client) => client.Dispose();
                }
                """;

            var test = Verify.CreateTest(source, fixedSource);
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(3).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(4).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
            });

            // An argument (Use) has no statement of its own to connect after: no fix.
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK301").WithLocation(4).WithArguments("new TcpClient(host, port)", "ConnectAsync"));
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.NetStandard20)]
        public async Task AsyncLambdaWithoutToken_ConnectsWithHostAndPort(TestFramework framework)
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    Func<Task> M(string host) => async () =>
                    {
                        using (var client = {|#0:new TcpClient(host, 80)|})
                        {
                        }

                        var kept = {|#1:new TcpClient(host, 80)|};
                        kept.Close();
                    };
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    Func<Task> M(string host) => async () =>
                    {
                        using (var client = {|#0:new TcpClient(host, 80)|})
                        {
                        }

                        var kept = new TcpClient();
                        await kept.ConnectAsync(host, 80);
                        kept.Close();
                    };
                }
                """;

            var test = Verify.CreateTest(source, fixedSource, framework);
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
            });
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("new TcpClient(host, port)", "ConnectAsync"));
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            await test.RunAsync(System.Threading.CancellationToken.None);
        }
    }
}
