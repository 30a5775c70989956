using System.Threading.Tasks;
using Sock402 = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveLoopIgnoresEndOfStreamAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// A field a constructor fills from its parameter (<c>this.reader = reader;</c>) holds what every creation of the type
    /// passes, when only this compilation can create it: a per-connection handler built on a network reader reads from
    /// the network; one built on datagram sockets reads datagrams.
    /// </summary>
    public sealed class ConstructorParameterFieldTests
    {
        private static string Handler(string accessibility, string creations, string extraConstructor = "") => """
            using System;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading;

            ACCESS class ServerHandler
            {
                private readonly StreamReader reader;

                public ServerHandler(StreamReader reader)
                {
                    this.reader = reader;
                }
            EXTRA
                public void Chat()
                {
                    while (true)
                    {
                        Console.WriteLine(reader.READ());
                    }
                }
            }

            static class Program
            {
                static void Start(TcpClient client, string path)
                {
            CREATIONS
                }
            }
            """.Replace("ACCESS", accessibility).Replace("EXTRA", extraConstructor).Replace("CREATIONS", creations);

        [Theory]
        [InlineData("internal")]
        [InlineData("")]
        public async Task EveryCreationPassesANetworkReader_Reports(string accessibility)
        {
            var source = Handler(accessibility, """
                        var handler = new ServerHandler(new StreamReader(client.GetStream()));
                        new Thread(handler.Chat).Start();
                        var reader = new StreamReader(client.GetStream());
                        ServerHandler other = new(reader);
                """).Replace("reader.READ()", "reader.{|#0:ReadLine|}()");

            await Sock402.VerifyAsync(source, Sock402.Diagnostic("SOCK402").WithLocation(0).WithArguments("StreamReader.ReadLine"));
        }

        [Theory]
        [InlineData("public", "var handler = new ServerHandler(new StreamReader(client.GetStream()));", "")]
        [InlineData("internal", "var handler = new ServerHandler(new StreamReader(client.GetStream())); var file = new ServerHandler(new StreamReader(path));", "")]
        [InlineData("internal", "var handler = new ServerHandler(new StreamReader(client.GetStream()));", "    public ServerHandler(TcpClient client, bool own) : this(new StreamReader(client.GetStream())) { }\n")]
        [InlineData("internal", "", "")]
        public async Task PublicTypeOtherReaderChainedConstructorOrNoCreation_DoesNotReport(string accessibility, string creations, string extra)
        {
            // Another assembly may create a public type with any reader; a file reader's loop is no network loop; a
            // `: this(…)` call is a creation the rule does not follow; a type nobody creates tells nothing.
            var source = Handler(accessibility, creations, extra).Replace("reader.READ()", "reader.ReadLine()");
            await Sock402.VerifyAsync(source);
        }

        [Fact]
        public async Task EveryCreationPassesADatagramSocket_IsAUdpLoop_DoesNotReport()
        {
            // UDP has no end of stream: a 0-byte datagram is a datagram.
            const string source = /* lang=c#-test */ """
                using System;
                using System.Net.Sockets;

                internal sealed class Receiver
                {
                    private readonly Socket socket;

                    public Receiver(Socket socket) => this.socket = socket;

                    public void Run()
                    {
                        var buffer = new byte[512];
                        while (true)
                        {
                            var n = socket.Receive(buffer);
                            Console.WriteLine(n);
                        }
                    }
                }

                static class Program
                {
                    static void Main()
                    {
                        new Receiver(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)).Run();
                    }
                }
                """;

            await Sock402.VerifyAsync(source);
        }

        [Fact]
        public async Task ACreationThroughAnAliasPassesAFileReader_DoesNotReport()
        {
            // `new Handler(…)` under another name is still a creation of the type: its file reader counts.
            var source = Handler("internal", """
                        var handler = new ServerHandler(new StreamReader(client.GetStream()));
                        var file = new Alias(new StreamReader(path));
                """).Replace("reader.READ()", "reader.ReadLine()").Replace("using System.Threading;", "using System.Threading;\nusing Alias = ServerHandler;");
            await Sock402.VerifyAsync(source);
        }
    }
}
