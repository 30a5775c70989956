using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Performance.BlockingSocketCallInAsyncMethodAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Performance
{
    /// <summary>
    /// BinaryReader and BinaryWriter over a network stream block like the stream itself (they have no async members:
    /// the advice is the stream's own), and readers or writers kept in a private field that only ever holds one made
    /// around a network stream block as a local one does.
    /// </summary>
    public sealed partial class BlockingSocketCallInAsyncMethodAnalyzerTests
    {
        [Fact]
        public async Task BinaryReaderAndWriterOverNetworkStream_Reports()
        {
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class PacketReader : BinaryReader
                {
                    public PacketReader(NetworkStream stream) : base(stream) { }
                }

                class C
                {
                    async Task Handle(TcpClient client)
                    {
                        await Task.Yield();
                        var reader = new BinaryReader(client.GetStream());
                        var writer = new BinaryWriter(client.GetStream());
                        var packets = new PacketReader(client.GetStream());
                        var length = reader.{|#0:ReadInt32|}();
                        var opcode = packets.{|#1:ReadByte|}();
                        writer.{|#2:Write|}(length + opcode);
                        writer.Flush();
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("BinaryReader.ReadInt32", "Stream.ReadExactlyAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("BinaryReader.ReadByte", "Stream.ReadExactlyAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(2).WithArguments("BinaryWriter.Write", "Stream.WriteAsync"));
        }

        [Fact]
        public async Task PrivateFieldThatOnlyHoldsANetworkReader_Reports()
        {
            // The field is filled by the constructor and by Reconnect, always over the client's stream.
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Session
                {
                    private readonly TcpClient client;
                    private StreamReader reader;
                    private readonly BinaryReader packets;

                    public Session(TcpClient client)
                    {
                        this.client = client;
                        reader = new StreamReader(client.GetStream());
                        packets = new BinaryReader(client.GetStream());
                    }

                    public void Reconnect() => reader = new StreamReader(client.GetStream());

                    public async void Process()
                    {
                        var first = reader.{|#0:ReadLine|}();
                        var opcode = packets.{|#1:ReadByte|}();
                        await Task.Delay(opcode);
                    }
                }
                """;

            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic("SOCK301").WithLocation(0).WithArguments("StreamReader.ReadLine", "ReadLineAsync"),
                Verify.Diagnostic("SOCK301").WithLocation(1).WithArguments("BinaryReader.ReadByte", "Stream.ReadExactlyAsync"));
        }

        [Fact]
        public async Task ReadersThatNeedNotWaitForAPeer_DoNotReport()
        {
            // Traps: a BinaryReader over memory; a public field (others may store any reader in it); a field also given a
            // file reader; BinaryWriter.Flush (the network stream's Flush does nothing); synchronous code.
            const string source = """
                using System.IO;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class Session
                {
                    public StreamReader Exposed;
                    private StreamReader mixed;
                    private readonly BinaryWriter writer;

                    public Session(TcpClient client, string path, bool fromFile)
                    {
                        Exposed = new StreamReader(client.GetStream());
                        mixed = fromFile ? new StreamReader(path) : new StreamReader(client.GetStream());
                        writer = new BinaryWriter(client.GetStream());
                    }

                    int Sync(TcpClient client) => new BinaryReader(client.GetStream()).ReadInt32();

                    async Task Process(byte[] data)
                    {
                        await Task.Yield();
                        var memory = new BinaryReader(new MemoryStream(data));
                        memory.ReadInt32();
                        Exposed.ReadLine();
                        mixed.ReadLine();
                        writer.Flush();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
