using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        public static TheoryData<string, string, string> BlockingCalls => new()
        {
            { "socket.{|#0:Receive|}(buffer);", "Socket.Receive", "ReceiveAsync" },
            { "socket.{|#0:Send|}(buffer);", "Socket.Send", "SendAsync" },
            { "socket.{|#0:Accept|}();", "Socket.Accept", "AcceptAsync" },
            { "socket.{|#0:Connect|}(endPoint);", "Socket.Connect", "ConnectAsync" },
            { "socket.{|#0:ReceiveFrom|}(buffer, ref endPoint);", "Socket.ReceiveFrom", "ReceiveFromAsync" },
            { "socket.{|#0:SendTo|}(buffer, endPoint);", "Socket.SendTo", "SendToAsync" },
            { "socket.{|#0:Disconnect|}(false);", "Socket.Disconnect", "DisconnectAsync" },
            { "stream.{|#0:Read|}(buffer, 0, buffer.Length);", "NetworkStream.Read", "ReadAsync" },
            { "stream.{|#0:Write|}(buffer, 0, buffer.Length);", "NetworkStream.Write", "WriteAsync" },
            { "listener.{|#0:AcceptSocket|}();", "TcpListener.AcceptSocket", "AcceptSocketAsync" },
            { "listener.{|#0:AcceptTcpClient|}();", "TcpListener.AcceptTcpClient", "AcceptTcpClientAsync" },
            { "client.{|#0:Connect|}(\"localhost\", 80);", "TcpClient.Connect", "ConnectAsync" },
            { "udp.{|#0:Receive|}(ref remote);", "UdpClient.Receive", "ReceiveAsync" },
            { "udp.{|#0:Send|}(buffer, buffer.Length);", "UdpClient.Send", "SendAsync" },
        };

        [Theory]
        [MemberData(nameof(BlockingCalls))]
        public async Task BlockingCallInAsyncMethod_Reports(string call, string member, string counterpart)
        {
            await Verify.VerifyAsync(Code("async Task", call), Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments(member, counterpart));
            await Verify.VerifyAsync(Code("async Task", call), TestFramework.Net80, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments(member, counterpart));
        }

        [Theory]
        [MemberData(nameof(BlockingCalls))]
        public async Task BlockingCallInSynchronousMethod_DoesNotReport(string call, string member, string counterpart)
        {
            _ = (member, counterpart);
            await Verify.VerifyAsync(Code("void", call).Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
        }

        [Fact]
        public async Task AsyncLambdaAndLocalFunction_Report()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    void M(Socket socket, byte[] buffer)
                    {
                        Func<Task> lambda = async () => { socket.{|#0:Receive|}(buffer); await Task.Yield(); };
                        async Task Local() { socket.{|#1:Send|}(buffer); await Task.Yield(); }
                        Func<int> syncLambda = () => socket.Receive(buffer);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Receive", "ReceiveAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("Socket.Send", "SendAsync"));
        }

        [Fact]
        public async Task SynchronousLambdaInAsyncMethod_DoesNotReport()
        {
            const string source = """
                using System;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, byte[] buffer)
                    {
                        await Task.Run(() => socket.Receive(buffer));
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        [Fact]
        public async Task CallsThatCannotBlock_DoNotReport()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, Socket other, NetworkStream stream, TcpListener listener, byte[] buffer)
                    {
                        if (socket.Available > 0) socket.Receive(buffer);
                        if (socket.Poll(0, SelectMode.SelectRead)) socket.Receive(buffer);
                        if (stream.DataAvailable) stream.Read(buffer, 0, buffer.Length);
                        if (listener.Pending()) listener.AcceptTcpClient();
                        other.Blocking = false;
                        other.Receive(buffer);
                        if (other.Available > 0) socket.{|#0:Receive|}(buffer);
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Receive", "ReceiveAsync"));
        }

        [Fact]
        public async Task DnsLookupOnTheConnectionPath_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task Connect(TcpClient client, string host)
                    {
                        var addresses = Dns.{|#0:GetHostAddresses|}(host);
                        await client.ConnectAsync(addresses, 80);
                    }

                    async Task<string> Lookup(string host)
                    {
                        await Task.Yield();
                        return Dns.GetHostEntry(host).HostName;
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Dns.GetHostAddresses", "GetHostAddressesAsync"));
        }

        [Fact]
        public async Task NetStandard20_ReportsWhereATaskBasedCounterpartExists()
        {
            // netstandard2.0 has the task-based Socket methods as SocketTaskExtensions; ReadByte has no counterpart.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, NetworkStream stream, byte[] buffer)
                    {
                        socket.{|#1:Receive|}(buffer);
                        stream.{|#0:Read|}(buffer, 0, buffer.Length);
                        stream.ReadByte();
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                TestFramework.NetStandard20,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("NetworkStream.Read", "ReadAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("Socket.Receive", "ReceiveAsync"));
        }

        [Fact]
        public async Task ReadersWritersAndStreamsOverANetworkStream_Report()
        {
            const string source = """
                using System.IO;
                using System.Net.Security;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(TcpClient client, NetworkStream network, StreamReader unknownReader, byte[] buffer)
                    {
                        var reader = new StreamReader(client.GetStream());
                        var line = reader.{|#0:ReadLine|}();
                        using var writer = new StreamWriter(network);
                        writer.WriteLine(line);
                        writer.{|#1:Flush|}();
                        Stream stream = client.GetStream();
                        stream.{|#2:Write|}(buffer, 0, buffer.Length);
                        var tls = new SslStream(network);
                        tls.{|#3:AuthenticateAsClient|}("example.org");
                        var inner = new StreamReader(tls);
                        inner.{|#4:ReadToEnd|}();
                        unknownReader.ReadLine();
                        var file = new StreamReader(new MemoryStream(buffer));
                        file.ReadLine();
                        reader.Peek();
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("StreamReader.ReadLine", "ReadLineAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("StreamWriter.Flush", "FlushAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("Stream.Write", "WriteAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(3).WithArguments("SslStream.AuthenticateAsClient", "AuthenticateAsClientAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(4).WithArguments("StreamReader.ReadToEnd", "ReadToEndAsync"));
        }

        [Fact]
        public async Task FlushOfANetworkStreamOrAnUnbufferedWrapper_DoesNotReport()
        {
            // NetworkStream has no buffer: its Flush does nothing (issue 13). SslStream and Stream pass Flush on to it.
            const string source = """
                using System.IO;
                using System.Net.Security;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(TcpClient client, NetworkStream network)
                    {
                        network.Flush();
                        Stream stream = client.GetStream();
                        stream.Flush();
                        var tls = new SslStream(network);
                        tls.Flush();
                        var buffered = new BufferedStream(network);
                        buffered.{|#0:Flush|}();
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("BufferedStream.Flush", "FlushAsync"));
        }

        [Fact]
        public async Task MembersWithoutCounterpartOrOtherTypes_DoNotReport()
        {
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, NetworkStream stream, MemoryStream memory, byte[] buffer)
                    {
                        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
                        socket.Listen();
                        socket.Shutdown(SocketShutdown.Both);
                        stream.ReadByte();
                        memory.Read(buffer, 0, 1);
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }

        private static string Code(string signature, string call) => $$"""
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class C
            {
                {{signature}} M(Socket socket, NetworkStream stream, TcpListener listener, TcpClient client, UdpClient udp, byte[] buffer)
                {
                    EndPoint endPoint = new IPEndPoint(IPAddress.Loopback, 80);
                    IPEndPoint remote = null;
                    {{call}}
                    {{(signature.StartsWith("async", System.StringComparison.Ordinal) ? "await Task.Yield();" : string.Empty)}}
                }
            }
            """;
    }
}
