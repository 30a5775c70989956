using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.SyncOverAsyncSocketWaitAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.AwaitSocketTaskFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    public sealed partial class AwaitSocketTaskFixTests
    {
        private const string Blocks = "blocks on the task of";
        private const string ReturnsDefault = "returns a default result (null or 0) at once instead of waiting for the pending ValueTask of";

        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.Net100)]
        public async Task WaitsInAsyncMethod_BecomeAwaits(TestFramework framework)
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                        socket.ConnectAsync("localhost", 80).{|#0:Wait|}();
                        var n = socket.ReceiveAsync(buffer.AsMemory()).GetAwaiter().{|#1:GetResult|}();
                        return n + stream.ReadAsync(buffer, 0, 4).{|#2:Result|};
                    }
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                        await socket.ConnectAsync("localhost", 80);
                        var n = await socket.ReceiveAsync(buffer.AsMemory());
                        return n + await stream.ReadAsync(buffer, 0, 4);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "Socket.ConnectAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "Socket.ReceiveAsync", ReturnsDefault),
                    Verify.Diagnostic("SOCK302").WithLocation(2).WithArguments(".Result", "NetworkStream.ReadAsync", Blocks),
                },
                fixedSource,
                framework);
        }

        [Fact]
        public async Task NestedWaits_BothBecomeAwaits()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                        await Task.Yield();
                        return socket.ReceiveAsync(buffer, stream.ReadAsync(buffer, 0, 1).{|#1:Result|} > 0 ? SocketFlags.None : SocketFlags.Peek).{|#0:Result|};
                    }
                }
                """;
            const string fixedSource = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                        await Task.Yield();
                        return await socket.ReceiveAsync(buffer, await stream.ReadAsync(buffer, 0, 1) > 0 ? SocketFlags.None : SocketFlags.Peek);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Result", "Socket.ReceiveAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "NetworkStream.ReadAsync", Blocks),
                },
                fixedSource);
        }

        [Fact]
        public async Task StaThreadMain_OffersNoFix()
        {
            // The rule reports a UI program's [STAThread] Main (a console Main is silent); an async Main would give up
            // its STA thread, so no fix turns it async.
            const string source = """
                using System;
                using System.Net.Sockets;

                static class Program
                {
                    [STAThread]
                    static void Main()
                    {
                        using var client = new TcpClient();
                        client.ConnectAsync("localhost", 80).{|#0:Wait|}();
                        var buffer = new byte[4];
                        var n = client.GetStream().ReadAsync(buffer, 0, 4).{|#1:Result|};
                    }
                }
                """;

            var test = Verify.CreateTest(source, source);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Wait()", "TcpClient.ConnectAsync", Blocks));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "NetworkStream.ReadAsync", Blocks));
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        [Fact]
        public async Task SynchronousMethodOrLambda_OffersNoFix()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                public class C
                {
                    public int Receive(Socket socket, byte[] buffer) => socket.ReceiveAsync(buffer, SocketFlags.None).{|#0:Result|};

                    public Func<int> Later(Socket socket, byte[] buffer) => () => socket.ReceiveAsync(buffer, SocketFlags.None).{|#1:Result|};
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK302").WithLocation(0).WithArguments(".Result", "Socket.ReceiveAsync", Blocks),
                    Verify.Diagnostic("SOCK302").WithLocation(1).WithArguments(".Result", "Socket.ReceiveAsync", Blocks),
                },
                source);
        }
    }
}
