using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.DisposeOnFailureFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    public sealed class DisposeOnFailureFixTests
    {
        [Fact]
        public async Task Factories_WrapTheOperationsInTryCatchDispose_FixAll()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Factory
                {
                    public static Socket Connect(EndPoint endPoint)
                    {
                        var socket = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        socket.{|#1:Connect|}(endPoint);
                        return socket;
                    }

                    public static async Task<TcpClient> ConnectAsync(string host, int port, CancellationToken token)
                    {
                        var client = {|#2:new TcpClient()|};
                        await client.{|#3:ConnectAsync|}(host, port, token);
                        return client;
                    }
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                static class Factory
                {
                    public static Socket Connect(EndPoint endPoint)
                    {
                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            socket.Connect(endPoint);
                            return socket;
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    }

                    public static async Task<TcpClient> ConnectAsync(string host, int port, CancellationToken token)
                    {
                        var client = new TcpClient();
                        try
                        {
                            await client.ConnectAsync(host, port, token);
                            return client;
                        }
                        catch
                        {
                            client.Dispose();
                            throw;
                        }
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK202").WithLocation(0).WithLocation(1).WithArguments("socket", "Connect"),
                    Verify.Diagnostic("SOCK202").WithLocation(2).WithLocation(3).WithArguments("client", "ConnectAsync"),
                },
                fixedSource);
        }

        [Fact]
        public async Task StoredInField_WrapsUpToTheStore()
        {
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Client : IDisposable
                {
                    private Socket? socket;

                    public void Open(EndPoint endPoint)
                    {
                        var fresh = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        fresh.{|#1:Connect|}(endPoint);
                        this.socket = fresh;
                        Console.WriteLine("connected");
                    }

                    public void Dispose() => this.socket?.Dispose();
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System;
                using System.Net;
                using System.Net.Sockets;

                sealed class Client : IDisposable
                {
                    private Socket? socket;

                    public void Open(EndPoint endPoint)
                    {
                        var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp);
                        try
                        {
                            fresh.Connect(endPoint);
                            this.socket = fresh;
                        }
                        catch
                        {
                            fresh.Dispose();
                            throw;
                        }

                        Console.WriteLine("connected");
                    }

                    public void Dispose() => this.socket?.Dispose();
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK202").WithLocation(0).WithLocation(1).WithArguments("fresh", "Connect") },
                fixedSource);
        }
    }
}
