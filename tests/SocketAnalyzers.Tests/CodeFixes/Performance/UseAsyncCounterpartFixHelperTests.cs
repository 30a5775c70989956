using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.UseAsyncCounterpartFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    /// <summary>Issue 13, item 4: a blocking helper of the compilation is replaced by its awaited async sibling; constructors are left to their own fix.</summary>
    public sealed class UseAsyncCounterpartFixHelperTests
    {
        [Fact]
        public async Task BlockingHelper_BecomesItsAwaitedSibling()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Framing
                {
                    public static int SendAll(Socket socket, byte[] data) => socket.Send(data);
                    public static Task<int> SendAllAsync(Socket socket, byte[] data, CancellationToken ct) => socket.SendAsync(data, SocketFlags.None, ct).AsTask();
                }

                class C
                {
                    async Task<int> M(Socket socket, byte[] data, CancellationToken ct)
                    {
                        using var client = {|#1:new TcpClient("localhost", 80)|};
                        await Task.Yield();
                        return Framing.{|#0:SendAll|}(socket, data);
                    }
                }
                """;
            const string fixedSource = """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Framing
                {
                    public static int SendAll(Socket socket, byte[] data) => socket.Send(data);
                    public static Task<int> SendAllAsync(Socket socket, byte[] data, CancellationToken ct) => socket.SendAsync(data, SocketFlags.None, ct).AsTask();
                }

                class C
                {
                    async Task<int> M(Socket socket, byte[] data, CancellationToken ct)
                    {
                        using var client = {|#1:new TcpClient("localhost", 80)|};
                        await Task.Yield();
                        return await Framing.SendAllAsync(socket, data, ct);
                    }
                }
                """;

            var test = Verify.CreateTest(source, fixedSource);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Framing.SendAll", "SendAllAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("new TcpClient(host, port)", "ConnectAsync"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("new TcpClient(host, port)", "ConnectAsync"));
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            await test.RunAsync(System.Threading.CancellationToken.None);
        }
    }
}
