using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Lifetime.AddUsingFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Lifetime
{
    public sealed class AddUsingFixTests
    {
        [Fact]
        public async Task LeakedSocketAndAcceptedClient_GetUsingDeclarations_FixAll()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    int FindFreePort()
                    {
                        // Bind to port 0 and read the port back.
                        var socket = {|#0:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        return ((IPEndPoint)socket.LocalEndPoint!).Port;
                    {|#1:}|}

                    void Greet(TcpListener listener, byte[] greeting)
                    {
                        while (true)
                        {
                            var client = {|#2:listener.AcceptTcpClient()|};
                            client.GetStream().Write(greeting, 0, greeting.Length);
                        }
                    {|#3:}|}
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    int FindFreePort()
                    {
                        // Bind to port 0 and read the port back.
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                        return ((IPEndPoint)socket.LocalEndPoint!).Port;
                    }

                    void Greet(TcpListener listener, byte[] greeting)
                    {
                        while (true)
                        {
                            using var client = listener.AcceptTcpClient();
                            client.GetStream().Write(greeting, 0, greeting.Length);
                        }
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("socket", "no path closes it before the method ends"),
                    Verify.Diagnostic("SOCK203").WithLocation(2).WithLocation(3).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"),
                },
                fixedSource);
        }

        [Fact]
        public async Task CSharp7_WrapsTheRestOfTheBlockInAUsingStatement()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Send(IPEndPoint target, byte[] payload)
                    {
                        var udp = {|#0:new UdpClient()|};
                        udp.Send(payload, payload.Length, target);
                    {|#1:}|}
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Send(IPEndPoint target, byte[] payload)
                    {
                        using (var udp = new UdpClient())
                        {
                            udp.Send(payload, payload.Length, target);
                        }
                    }
                }
                """;

            var test = Verify.CreateTest(source, fixedSource);
            test.SolutionTransforms.Add((solution, projectId) =>
                solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("udp", "no path closes it before the method ends"));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData("return c.GetStream();")]
        [InlineData("Keep(c.GetStream()); return null;")]
        [InlineData("kept = c.Client; return null;")]
        public async Task StreamOrSocketOfTheClientHandedOffOnSomePath_HasNoFix(string handOff)
        {
            // The stream and the Client socket share the client's descriptor (J7): a using on the client would close
            // what the caller or the keeper still uses.
            var source = """
                using System.IO;
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    private Socket? kept;

                    private static Stream? saved;

                    static void Keep(NetworkStream stream) => saved = stream;

                    Stream? Open(IPEndPoint ep, bool fast)
                    {
                        var c = {|#0:new TcpClient()|};
                        c.Connect(ep);
                        if (fast)
                        {
                """ + handOff + """

                        }

                        return null;
                    {|#1:}|}
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("c", "some path reaches the end of the method with it still open") },
                source);
        }

        [Fact]
        public async Task ReturnedOnSomePath_HasNoFix()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    Socket? Open(bool keep)
                    {
                        var socket = {|#0:new Socket(SocketType.Stream, ProtocolType.Tcp)|};
                        if (keep)
                        {
                            return socket;
                        }

                        return null;
                    {|#1:}|}
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("socket", "some path reaches the end of the method with it still open") },
                source);
        }

        [Fact]
        public async Task StreamOrSocketOfTheClientReturned_IsNoLeakAndHasNoFix()
        {
            // The stream GetStream returned and the Client socket share the client's descriptor (J7): returning them
            // hands the connection to the caller, so there is no leak to report, and a using would hand the caller a
            // closed stream.
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class C
                {
                    NetworkStream Stream()
                    {
                        var client = new TcpClient();
                        return client.GetStream();
                    }

                    NetworkStream StreamThroughALocal()
                    {
                        var client = new TcpClient();
                        var stream = client.GetStream();
                        return stream;
                    }

                    Socket Socket()
                    {
                        var client = new TcpClient();
                        return client.Client;
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>(),
                source);
        }

        [Fact]
        public async Task StreamOfTheClientUsedInPlace_GetsTheUsing()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Send(IPEndPoint server, byte[] data)
                    {
                        var client = {|#0:new TcpClient()|};
                        client.Connect(server);
                        var stream = client.GetStream();
                        stream.Write(data, 0, data.Length);
                    {|#1:}|}
                }
                """;
            const string fixedSource = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Send(IPEndPoint server, byte[] data)
                    {
                        using var client = new TcpClient();
                        client.Connect(server);
                        var stream = client.GetStream();
                        stream.Write(data, 0, data.Length);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[] { Verify.Diagnostic("SOCK201").WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends") },
                fixedSource);
        }
    }
}
