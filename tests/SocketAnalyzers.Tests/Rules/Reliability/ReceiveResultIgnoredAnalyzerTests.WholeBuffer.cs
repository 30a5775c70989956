using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SocketAnalyzers.Rules.Reliability.ReceiveResultIgnoredAnalyzer>;

namespace SocketAnalyzers.Tests.Rules.Reliability
{
    /// <summary>
    /// Issue 13, item 1: after a count only compared with 0, the buffer handed on with no size beside it (the callee can
    /// only read all of it), and the buffer of an End call (the one its Begin calls passed).
    /// </summary>
    public sealed partial class ReceiveResultIgnoredAnalyzerTests
    {
        public static TheoryData<string, string> WholeBufferHandedOn => new()
        {
            { "var n = socket.{|#0:Receive|}(buffer); if (n == 0) return; Decode(buffer);", "Socket.Receive" },
            { "var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); if (n <= 0) return; Decode((byte[])buffer.Clone());", "NetworkStream.Read" },
            { "if (await socket.{|#0:ReceiveAsync|}(buffer, SocketFlags.None) > 0) Route(buffer, this);", "Socket.ReceiveAsync" },
            { "int n = socket.{|#0:Receive|}(buffer, 0, 512, SocketFlags.None); if (n == 0) return; pending.Enqueue(buffer);", "Socket.Receive" },
            { "int n = socket.{|#0:Receive|}(buffer); if (n == 0) return; writer.Write(buffer);", "Socket.Receive" },
            // Traps: a branch, a loop, a lambda, a local function, a try/finally.
            { "while (true) { var n = socket.{|#0:Receive|}(buffer); if (n == 0) break; if (buffer[0] == 1) Decode(buffer); }", "Socket.Receive" },
            { "Action a = () => { if (socket.{|#0:Receive|}(buffer) == 0) return; Decode(buffer); }; a();", "Socket.Receive" },
            { "Local(); void Local() { if (stream.{|#0:Read|}(buffer, 0, buffer.Length) > 0) Decode(buffer); }", "NetworkStream.Read" },
            { "int n; try { n = socket.{|#0:Receive|}(buffer); } finally { Show(\"read\"); } if (n == 0) return; Decode(buffer);", "Socket.Receive" },
        };

        [Theory]
        [MemberData(nameof(WholeBufferHandedOn))]
        public async Task BufferHandedOnWithoutSize_Reports(string statements, string member) =>
            await Verify.VerifyAsync(WholeBufferCode(statements), Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments(member));

        [Theory]
        // The count goes with the buffer, or bounds what is handed on.
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Decode(buffer, n);")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Decode(buffer.AsSpan(0, n).ToArray());")]
        [InlineData("var n = socket.Receive(buffer); if (n != buffer.Length) return; Decode(buffer);")]
        // The callee fills the buffer, or takes it as an object, or it goes back to a pool.
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Scramble(buffer); Show(\"x\");")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; FillFrom(socket, buffer);")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; Console.WriteLine(buffer);")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; System.Buffers.ArrayPool<byte>.Shared.Return(buffer);")]
        // One byte asked for; the buffer replaced before the hand-off.
        [InlineData("var n = socket.Receive(buffer, 0, 1, SocketFlags.None); if (n == 0) return; Decode(buffer);")]
        [InlineData("var n = socket.Receive(buffer); if (n == 0) return; buffer = new byte[4]; Decode(buffer);")]
        public async Task BufferHandedOnWithSizeOrFilled_DoesNotReport(string statements) =>
            await Verify.VerifyAsync(WholeBufferCode(statements));

        [Theory]
        [InlineData("var p = {|CS0103:Packet|}.Deserialize(buffer);")]
        [InlineData("{|CS0103:Packet|}.Decode((byte[])buffer.Clone(), this);")]
        public async Task CallOfAMissingLibraryWithNoSize_Reports(string handOff) =>
            await Verify.VerifyAsync(WholeBufferCode("var n = stream.{|#0:Read|}(buffer, 0, buffer.Length); if (n == 0) return; " + handOff),
                Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("NetworkStream.Read"));

        [Theory]
        [InlineData("{|CS0103:Packet|}.ReadFrom(buffer);")]
        [InlineData("{|CS0103:Packet|}.Decode(buffer, n);")]
        [InlineData("{|CS0103:Packet|}.Decode(buffer, {|CS0103:session|});")]
        public async Task CallOfAMissingLibraryThatFillsOrMayGetTheSize_DoesNotReport(string handOff) =>
            await Verify.VerifyAsync(WholeBufferCode("var n = stream.Read(buffer, 0, buffer.Length); if (n == 0) return; " + handOff));

        private static string WholeBufferCode(string statements) => $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class C
            {
                readonly Queue<byte[]> pending = new();
                readonly BinaryWriter writer = new(Stream.Null);

                static void Show(string text) => Console.WriteLine(text);

                static void Decode(byte[] data) => Show(System.Text.Encoding.UTF8.GetString(data));

                static void Decode(byte[] data, int count) => Show(System.Text.Encoding.UTF8.GetString(data, 0, count));

                static void Route(ReadOnlySpan<byte> data, C session) => Show(data.Length.ToString());

                static void Scramble(byte[] data) { for (var i = 0; i < data.Length; i++) data[i] ^= 0x5a; }

                static void FillFrom(Socket s, byte[] data) { for (var got = 0; got < data.Length;) got += s.Receive(data, got, data.Length - got, SocketFlags.None); }

                async Task M(Socket socket, NetworkStream stream, byte[] buffer)
                {
                    {{statements}}
                }
            }
            """;

        [Fact]
        public async Task EndReadOfABufferHandedOnWhole_Reports() =>
            await Verify.VerifyAsync(ApmCode("int n = stream.{|#0:EndRead|}(result); if (n <= 0) { stream.Close(); return; } Decode(buffer); buffer = new byte[buffer.Length];"),
                Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("NetworkStream.EndRead"));

        [Fact]
        public async Task EndReceiveOfABufferDecodedWhole_Reports() =>
            await Verify.VerifyAsync(ApmCode("if (socket.{|#0:EndReceive|}(result) == 0) return; Show(System.Text.Encoding.ASCII.GetString(buffer));"),
                Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("Socket.EndReceive"));

        [Theory]
        [InlineData("int n = stream.EndRead(result); if (n <= 0) return; Decode(buffer, n);")]
        [InlineData("int n = stream.EndRead(result); if (n <= 0) return; Show(System.Text.Encoding.ASCII.GetString(buffer, 0, n));")]
        public async Task EndReadWithItsCount_DoesNotReport(string statements) =>
            await Verify.VerifyAsync(ApmCode(statements));

        [Fact]
        public async Task EndReadWhoseBeginCallsPassDifferentBuffers_DoesNotReport() =>
            await Verify.VerifyAsync(ApmCode("int n = stream.EndRead(result); if (n <= 0) return; Decode(buffer);", "stream.BeginRead(other, 0, other.Length, OnRead, null);"));

        [Fact]
        public async Task EndReadWhoseBeginIsInAnotherPartOfThePartialType_Reports()
        {
            // A form and its designer file: the Begin call sits in the other part.
            var test = Verify.CreateTest("""
                using System;
                using System.Net.Sockets;

                partial class Session
                {
                    private void OnRead(IAsyncResult result)
                    {
                        int n = stream.{|#0:EndRead|}(result);
                        if (n <= 0) return;
                        Console.WriteLine(System.Text.Encoding.ASCII.GetString(buffer));
                        stream.BeginRead(buffer, 0, buffer.Length, OnRead, null);
                    }
                }
                """);
            test.TestState.Sources.Add("""
                using System.Net.Sockets;

                partial class Session
                {
                    private readonly NetworkStream stream;
                    private readonly byte[] buffer = new byte[1024];

                    public Session(NetworkStream stream)
                    {
                        this.stream = stream;
                        stream.BeginRead(buffer, 0, buffer.Length, OnRead, null);
                    }
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("SOCK401").WithLocation(0).WithArguments("NetworkStream.EndRead"));
            await test.RunAsync();
        }

        [Fact]
        public async Task EndReadOfAPartialRequest_DoesNotReport() =>
            await Verify.VerifyAsync(ApmCode("int n = stream.EndRead(result); if (n <= 0) return; Decode(buffer);", "stream.BeginRead(buffer, 0, 16, OnRead, null);"));

        private static string ApmCode(string statements, string extraBegin = "") => $$"""
            using System;
            using System.Net.Sockets;

            class Session
            {
                private readonly NetworkStream stream;
                private readonly Socket socket;
                private byte[] buffer = new byte[8192];
                private byte[] other = new byte[8192];

                public Session(NetworkStream stream, Socket socket)
                {
                    this.stream = stream;
                    this.socket = socket;
                    stream.BeginRead(buffer, 0, buffer.Length, OnRead, null);
                    socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, new AsyncCallback(OnReceive), null);
                    {{extraBegin}}
                }

                static void Show(string text) => Console.WriteLine(text);

                static void Decode(byte[] data) => Show(System.Text.Encoding.UTF8.GetString(data));

                static void Decode(byte[] data, int count) => Show(System.Text.Encoding.UTF8.GetString(data, 0, count));

                private void OnRead(IAsyncResult result)
                {
                    {{(statements.Contains("EndRead") ? statements : "")}}
                    stream.BeginRead(buffer, 0, buffer.Length, OnRead, null);
                }

                private void OnReceive(IAsyncResult result)
                {
                    {{(statements.Contains("EndReceive") ? statements : "")}}
                    socket.BeginReceive(buffer, 0, buffer.Length, SocketFlags.None, OnReceive, null);
                }
            }
            """;
    }
}
