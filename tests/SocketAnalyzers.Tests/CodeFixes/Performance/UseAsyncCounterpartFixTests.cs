using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer,
    SocketAnalyzers.CodeFixes.Performance.UseAsyncCounterpartFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Performance
{
    public sealed class UseAsyncCounterpartFixTests
    {
        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.Net100)]
        public async Task ReceiveWithTokenParameter_UsesMemoryOverloadAndForwardsToken(TestFramework framework)
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, byte[] buffer, CancellationToken ct)
                    {
                        int n = socket.{|#0:Receive|}(buffer);
                        await Task.Yield();
                        return n;
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
                    async Task<int> M(Socket socket, byte[] buffer, CancellationToken ct)
                    {
                        int n = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                        await Task.Yield();
                        return n;
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Receive", "ReceiveAsync") }, fixedSource, framework);
        }

        [Fact]
        public async Task StreamReadWithOffsetAndLocalToken_UsesAsMemoryRange()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(NetworkStream stream, byte[] buffer, CancellationTokenSource cts)
                    {
                        var token = cts.Token;
                        var n = stream.{|#0:Read|}(buffer, 0, buffer.Length);
                        stream.{|#1:Write|}(buffer, 0, n);
                        stream.Flush();
                        await Task.Yield();
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
                    async Task M(NetworkStream stream, byte[] buffer, CancellationTokenSource cts)
                    {
                        var token = cts.Token;
                        var n = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), token);
                        await stream.WriteAsync(buffer.AsMemory(0, n), token);
                        stream.Flush();
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("NetworkStream.Read", "ReadAsync"),
                    Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("NetworkStream.Write", "WriteAsync"),
                },
                fixedSource);
        }

        [Fact]
        public async Task ResultUsedInMemberAccess_KeepsParenthesesAndWorksWithoutToken()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<NetworkStream> M(TcpListener listener, TcpClient client)
                    {
                        client.{|#1:Connect|}("localhost", 80);
                        return listener.{|#0:AcceptTcpClient|}().GetStream();
                    }
                }
                """;
            const string fixedSource = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<NetworkStream> M(TcpListener listener, TcpClient client)
                    {
                        await client.ConnectAsync("localhost", 80);
                        return (await listener.AcceptTcpClientAsync()).GetStream();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("TcpListener.AcceptTcpClient", "AcceptTcpClientAsync"),
                    Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("TcpClient.Connect", "ConnectAsync"),
                },
                fixedSource);
        }

        [Fact]
        public async Task ReaderOverNetworkStream_AwaitsReadLineAsyncWithToken()
        {
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task<string> M(TcpClient client, CancellationToken ct)
                    {
                        using var reader = new StreamReader(client.GetStream());
                        await Task.Yield();
                        return reader.{|#0:ReadLine|}() ?? "";
                    }
                }
                """;
            const string fixedSource = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task<string> M(TcpClient client, CancellationToken ct)
                    {
                        using var reader = new StreamReader(client.GetStream());
                        await Task.Yield();
                        return await reader.ReadLineAsync(ct) ?? "";
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("StreamReader.ReadLine", "ReadLineAsync") }, fixedSource);
        }

        [Fact]
        public async Task AsyncLambdaUsesItsOwnTokenParameter()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    Func<CancellationToken, Task<Socket>> M(Socket listener, CancellationToken outer) =>
                        async inner => listener.{|#0:Accept|}();
                }
                """;
            const string fixedSource = """
                using System;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    Func<CancellationToken, Task<Socket>> M(Socket listener, CancellationToken outer) =>
                        async inner => await listener.AcceptAsync(inner);
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Accept", "AcceptAsync") }, fixedSource);
        }

        [Fact]
        public async Task DnsLookup_IsAwaitedWithToken()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, string host, CancellationToken cancellationToken)
                    {
                        IPAddress[] addresses = Dns.{|#0:GetHostAddresses|}(host);
                        await socket.ConnectAsync(addresses, 80, cancellationToken);
                    }
                }
                """;
            const string fixedSource = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, string host, CancellationToken cancellationToken)
                    {
                        IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
                        await socket.ConnectAsync(addresses, 80, cancellationToken);
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Dns.GetHostAddresses", "GetHostAddressesAsync") }, fixedSource);
        }

        [Fact]
        public async Task NoOverloadWithTheSameResult_OffersNoFix()
        {
            // ReceiveFrom(…, ref endPoint) returns a count and writes the sender; ReceiveFromAsync returns a struct.
            // Await is not allowed inside a lock.
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    private readonly object gate = new object();

                    async Task<int> M(Socket socket, byte[] buffer)
                    {
                        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                        lock (gate)
                        {
                            socket.{|#1:Send|}(buffer);
                        }

                        await Task.Yield();
                        return socket.{|#0:ReceiveFrom|}(buffer, ref from);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.ReceiveFrom", "ReceiveFromAsync"),
                    Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("Socket.Send", "SendAsync"),
                },
                source);
        }

        [Fact]
        public async Task BinaryReaderOverNetworkStream_OffersNoFix()
        {
            // BinaryReader has no async reads: the advice (the stream's ReadExactlyAsync, then decode) is not a rename.
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(TcpClient client)
                    {
                        await Task.Yield();
                        var reader = new BinaryReader(client.GetStream());
                        return reader.{|#0:ReadInt32|}();
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("BinaryReader.ReadInt32", "Stream.ReadExactlyAsync") }, source);
        }

        [Fact]
        public async Task NetStandard20WithoutMemoryOverloads_FallsBackToArrayOverload()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(NetworkStream stream, byte[] buffer, CancellationToken ct)
                    {
                        await Task.Yield();
                        return stream.{|#0:Read|}(buffer, 0, buffer.Length);
                    }
                }
                """;
            const string fixedSource = """
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(NetworkStream stream, byte[] buffer, CancellationToken ct)
                    {
                        await Task.Yield();
                        return await stream.ReadAsync(buffer, 0, buffer.Length, ct);
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("NetworkStream.Read", "ReadAsync") }, fixedSource, TestFramework.NetStandard20);
        }

        [Theory]
        [InlineData(TestFramework.Net80)]
        [InlineData(TestFramework.Net100)]
        public async Task ConnectToEndPoint_IsAwaitedWhereTheOverloadExists(TestFramework framework)
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(TcpClient client, IPEndPoint endPoint, CancellationToken ct)
                    {
                        client.{|#0:Connect|}(endPoint);
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("TcpClient.Connect", "ConnectAsync") },
                source.Replace("client.{|#0:Connect|}(endPoint);", "await client.ConnectAsync(endPoint, ct);", System.StringComparison.Ordinal),
                framework);
        }

        [Fact]
        public async Task NetStandard20WithoutAnEndPointOverload_OffersNoFix()
        {
            // netstandard2.0 has TcpClient.ConnectAsync(IPAddress, int) and (string, int), but none taking an IPEndPoint
            // (added in .NET 5): the rule reports, the fix is not offered.
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(TcpClient client, IPEndPoint endPoint, CancellationToken ct)
                    {
                        client.{|#0:Connect|}(endPoint);
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("TcpClient.Connect", "ConnectAsync") }, source, TestFramework.NetStandard20);
        }

        [Fact]
        public async Task NetStandard20WithoutAnArrayOverload_OffersNoFix()
        {
            // netstandard2.0 has only SocketTaskExtensions.ReceiveAsync(ArraySegment<byte>, SocketFlags), and no implicit
            // conversion from byte[] to ArraySegment<byte>: no overload takes the byte[] as it is.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> M(Socket socket, byte[] buffer)
                    {
                        await Task.Yield();
                        return socket.{|#0:Receive|}(buffer);
                    }
                }
                """;

            await Verify.VerifyFixAsync(source, new[] { Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Receive", "ReceiveAsync") }, source, TestFramework.NetStandard20);
        }
    }
}
