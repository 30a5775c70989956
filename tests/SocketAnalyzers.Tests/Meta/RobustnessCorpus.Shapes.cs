namespace SocketAnalyzers.Tests.Meta
{
    /// <summary>Every kind of member and statement a socket can appear in, each with a socket doing something.</summary>
    internal static partial class RobustnessCorpus
    {
        private const string EveryStatementShape = Usings + /* lang=c#-test */ """
            using System.Linq;
            record Conn(Socket Socket) : IDisposable { public void Dispose() => Socket.Dispose(); }
            ref struct Frame { public Span<byte> Bytes; }
            interface IHasSocket { Socket S { get; } void Use() => S.Listen(1); }
            unsafe class Shapes : IHasSocket
            {
                private readonly Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
                private static Socket Shared { get; } = new(SocketType.Stream, ProtocolType.Tcp);
                public Socket S => s;
                public Socket this[int i] { get { s.Listen(i); return s; } set { value.Listen(i); } }
                public event EventHandler? Changed { add { s.Listen(1); } remove { s.Dispose(); } }
                public static Shapes operator +(Shapes a, Socket b) { b.Listen(1); return a; }
                public Shapes() { s.Listen(1); }
                ~Shapes() { s.Dispose(); }
                async IAsyncEnumerable<int> Stream(Socket socket) { while (true) { try { yield return await socket.ReceiveAsync(new byte[4]); } finally { } } }
                async Task Async(TcpListener listener, CancellationToken token)
                {
                    listener.Start();
                    using var client = await listener.AcceptTcpClientAsync(token);
                    await using var stream = client.GetStream();
                    var buffer = new byte[16];
                    await foreach (var n in Stream(client.Client)) { if (n == 0) break; }
                    lock (this) { client.Client.Send(buffer); }
                    retry:
                    try { await stream.ReadExactlyAsync(buffer, token); }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock) { goto retry; }
                    catch (IOException) { throw; }
                    finally { listener.Stop(); }
                    var action = async () => await client.Client.SendAsync(buffer, SocketFlags.None);
                    await action();
                    Func<Socket, int> receive = static socket => socket.Receive(stackalloc byte[8]);
                    _ = receive(client.Client);
                }
                void Patterns(object o, Socket? maybe)
                {
                    if (o is Socket { Connected: false, SocketType: SocketType.Dgram } udp) { udp.Listen(1); }
                    var kind = maybe switch { { ProtocolType: ProtocolType.Udp } u => u.Available, null => -1, _ => 0 };
                    (Socket first, int count) pair = (s, kind);
                    pair.first.Listen(pair.count);
                    var query = from socket in new[] { s, s } where socket.Connected select socket.Receive(new byte[1]);
                    _ = query.Sum();
                    fixed (byte* p = new byte[4]) { s.Receive(new Span<byte>(p, 4)); }
                    var frame = new Frame { Bytes = stackalloc byte[4] };
                    s.Receive(frame.Bytes);
                    checked { s.Listen(int.MaxValue); }
                    using (s) { }
                    using (var udpClient = new UdpClient(0)) { udpClient.Client.Listen(1); }
                    var ns = new NetworkStream(new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp), ownsSocket: true);
                    ns.Dispose();
                }
                Socket Generic<T>(T value) where T : Socket { value.Listen(1); return value; }
            }
            """;
    }
}
