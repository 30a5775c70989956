using System.Threading.Tasks;
using SocketAnalyzers.Tests.Verifiers;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>Issue 13, item 4: connecting constructors, timed polls in loops, blocking helpers, dual-mode methods.</summary>
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        private const string PollAdvice = "an awaited ReceiveAsync/AcceptAsync with a CancellationToken";

        [Fact]
        public async Task ConnectingConstructorInAsyncCode_Reports()
        {
            const string source = """
                using System;
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(string host, int port)
                    {
                        using var tcp = {|#0:new TcpClient(host, port)|};
                        using var udp = {|#1:new UdpClient(host, 53)|};
                        Func<Task> lambda = async () => { using var c = {|#2:new TcpClient("localhost", 80)|}; await Task.Yield(); };
                        async Task Local() { using var c = {|#3:new TcpClient(host, port)|}; await Task.Yield(); }
                        using var plain = new TcpClient();
                        using var bound = new TcpClient(new IPEndPoint(IPAddress.Loopback, 0));
                        using var family = new TcpClient(AddressFamily.InterNetwork);
                        using var local = new UdpClient(5000);
                        Func<TcpClient> syncLambda = () => new TcpClient(host, port);
                        await Local();
                    }

                    void Sync(string host) { using var c = new TcpClient(host, 80); }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("new UdpClient(host, port)", "Dns.GetHostAddressesAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("new TcpClient(host, port)", "ConnectAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(3).WithArguments("new TcpClient(host, port)", "ConnectAsync"));
        }

        [Fact]
        public async Task TimedPollInALoopWithoutAwait_Reports()
        {
            const string source = """
                using System;
                using System.Collections.Generic;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(Socket socket, List<Socket> sockets, byte[] buffer, bool running)
                    {
                        while (running)
                        {
                            if (socket.{|#0:Poll|}(1000, SelectMode.SelectRead)) socket.Receive(buffer);
                        }

                        for (var i = 0; i < 10; i++)
                        {
                            Socket.{|#1:Select|}(sockets, null, null, -1);
                            if (socket.{|#2:Poll|}(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead)) break;
                        }

                        while (running)
                        {
                            if (socket.Poll(0, SelectMode.SelectRead)) break;
                            if (socket.Poll(TimeSpan.Zero, SelectMode.SelectRead)) break;
                        }

                        while (running)
                        {
                            if (!socket.Poll(1000, SelectMode.SelectRead)) { await Task.Delay(10); continue; }
                        }

                        socket.Poll(1000, SelectMode.SelectRead);
                    }

                    void Sync(Socket socket) { while (true) { if (socket.Poll(1000, SelectMode.SelectRead)) return; } }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Poll", PollAdvice),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("Socket.Select", PollAdvice),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("Socket.Poll", PollAdvice));
        }

        [Fact]
        public async Task HelperThatBlocksAndHasAnAsyncSibling_Reports()
        {
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                static class Framing
                {
                    public static void SendAll(Socket socket, byte[] data) { var sent = 0; while (sent < data.Length) sent += socket.Send(data, sent, data.Length - sent, SocketFlags.None); }
                    public static async Task SendAllAsync(Socket socket, byte[] data) => await socket.SendAsync(data, SocketFlags.None);
                    public static int Peek(Socket socket, byte[] data) => socket.Available > 0 ? socket.Receive(data) : 0;
                    public static Task<int> PeekAsync(Socket socket, byte[] data) => Task.FromResult(0);
                    public static int Length(byte[] data) => data.Length;
                    public static Task<int> LengthAsync(byte[] data) => Task.FromResult(data.Length);
                    public static void Log(Socket socket) => System.Console.WriteLine(socket.Available);
                }

                class C
                {
                    async Task M(Socket socket, byte[] data)
                    {
                        Framing.{|#0:SendAll|}(socket, data);
                        Framing.Peek(socket, data);
                        Framing.Length(data);
                        Framing.Log(socket);
                        await Task.Yield();
                    }

                    void Sync(Socket socket, byte[] data) => Framing.SendAll(socket, data);
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Framing.SendAll", "SendAllAsync"));
        }

        [Fact]
        public async Task SynchronousBranchOfADualModeMethod_DoesNotReport()
        {
            // The method does its I/O synchronously when the caller asks for it: the blocking branch is the point.
            const string source = """
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task<int> ReadAsync(NetworkStream stream, byte[] buffer, bool useAsync)
                    {
                        int n;
                        if (useAsync)
                        {
                            n = await Task.Factory.FromAsync(stream.BeginRead, stream.EndRead, buffer, 0, buffer.Length, null);
                        }
                        else
                        {
                            n = stream.Read(buffer, 0, buffer.Length);
                        }

                        return n;
                    }

                    async Task<int> EarlyReturnAsync(Socket socket, byte[] buffer, bool sync)
                    {
                        if (!sync)
                        {
                            return await socket.ReceiveAsync(buffer, SocketFlags.None);
                        }

                        return socket.Receive(buffer);
                    }

                    async Task<int> ConditionalAsync(Socket socket, byte[] buffer, bool useAsync) =>
                        useAsync ? await socket.ReceiveAsync(buffer, SocketFlags.None) : socket.Receive(buffer);

                    async Task NoAwaitInOtherBranchAsync(Socket socket, byte[] buffer, bool verbose)
                    {
                        if (verbose) System.Console.WriteLine("x"); else socket.{|#0:Receive|}(buffer);
                        await Task.Yield();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("Socket.Receive", "ReceiveAsync"));
        }
    }
}
