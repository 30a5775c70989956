namespace SocketAnalyzers.CorpusGenerator.Writing;

/// <summary>Mistakes of protocol order: calls the socket's state does not allow.</summary>
internal static partial class MistakeWriter
{
    private static void ListenOnUdp(ShapeContext c, int n)
    {
        var w = c.Writer;
        var udp = c.Pick("udp", "discovery", "beaconSocket");
        w.Open($"internal static Socket OpenAnnouncementSocket{n}(int port)");
        w.Line($"var {udp} = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);");
        w.Open("try");
        w.Line($"{udp}.EnableBroadcast = true;");
        w.Line($"{udp}.Bind(new IPEndPoint(IPAddress.Any, port));");
        w.Line($"{udp}.Listen({c.Names.Backlog()});");
        w.Line($"return {udp};");
        w.Close();
        w.Open("catch");
        w.Line($"{udp}.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void OptionAfterBind(ShapeContext c, int n)
    {
        var w = c.Writer;
        var s = c.Names.ListenerLocal();
        w.Open($"internal static Socket CreateExclusiveListener{n}(IPEndPoint endPoint)");
        w.Line($"var {s} = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);");
        w.Open("try");
        w.Line($"{s}.Bind(endPoint);");
        w.Line(c.Chance(0.5)
            ? $"{s}.ExclusiveAddressUse = true;"
            : $"{s}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");
        w.Line($"{s}.Listen({c.Names.Backlog()});");
        w.Line($"return {s};");
        w.Close();
        w.Open("catch");
        w.Line($"{s}.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void AcceptBeforeStart(ShapeContext c, int n)
    {
        var w = c.Writer;
        w.Open($"internal static TcpClient WaitForFirstClient{n}(int port)");
        w.Line("using var listener = new TcpListener(IPAddress.Loopback, port);");
        w.Line("listener.Server.NoDelay = true;");
        w.Line("return listener.AcceptTcpClient();");
        w.Close();
    }

    private static void BlockingReceiveInAsync(ShapeContext c, int n)
    {
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        w.Open($"internal static async Task<string> ReadGreeting{n}Async(Socket socket, CancellationToken {ct})");
        w.Line("var buffer = new byte[256];");
        w.Line($"await socket.SendAsync(Encoding.ASCII.GetBytes(\"HELLO\\r\\n\"), SocketFlags.None, {ct});");
        w.Line("var count = socket.Receive(buffer);");
        w.Line("return count == 0 ? string.Empty : Encoding.ASCII.GetString(buffer, 0, count);");
        w.Close();
    }

    private static void WaitOnConnectTask(ShapeContext c, int n)
    {
        var w = c.Writer;
        w.Open($"internal static TcpClient ConnectBlocking{n}(string host, int port)");
        w.Line("var client = new TcpClient();");
        w.Open("try");
        w.Line(c.Chance(0.5) ? "client.ConnectAsync(host, port).Wait();" : "client.ConnectAsync(host, port).GetAwaiter().GetResult();");
        w.Line("return client;");
        w.Close();
        w.Open("catch");
        w.Line("client.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
    }

    private static void IgnoredReceiveCount(ShapeContext c, int n)
    {
        var w = c.Writer;
        w.Open($"internal static int ReadLengthPrefix{n}(Socket socket)");
        w.Line("var prefix = new byte[4];");
        w.Line("socket.Receive(prefix);");
        w.Line("return BitConverter.ToInt32(prefix, 0);");
        w.Close();
    }

    private static void ReceiveLoopWithoutZeroCheck(ShapeContext c, int n)
    {
        var w = c.Writer;
        var buffer = c.Names.BufferLocal();
        w.Open($"internal static long CopyToSink{n}(Socket socket, Stream sink)");
        w.Line($"var {buffer} = new byte[{c.Names.BufferSize()}];");
        w.Line("long total = 0;");
        w.Open("while (socket.Connected)");
        w.Line($"var read = socket.Receive({buffer});");
        w.Line($"sink.Write({buffer}, 0, read);");
        w.Line("total += read;");
        w.Close();
        w.Line("return total;");
        w.Close();
    }
}
