using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// UDP service discovery: broadcast a probe with UdpClient and collect replies until a deadline, and a responder
/// that answers probes on a bound datagram Socket with ReceiveFrom/SendTo.
/// </summary>
internal static class UdpDiscoveryShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Discovery{c.Suffix}";
        var port = c.Names.Port();
        var ct = c.Names.TokenParameter();
        var magic = c.Pick("DISCOVER", "WHO-IS", "PROBE", "HELLO?");

        w.Line("/// <summary>Finds peers on the local network by UDP broadcast.</summary>");
        w.Open($"public static class {name}");
        c.WriteLogMember();
        w.Line($"public const int DiscoveryPort = {port};");
        w.Line($"private static readonly byte[] Probe = Encoding.ASCII.GetBytes(\"{magic}\");");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task<IReadOnlyList<IPEndPoint>> FindPeersAsync(TimeSpan window, CancellationToken {ct})");
        w.Line("using var udp = new UdpClient(AddressFamily.InterNetwork);");
        w.Line("udp.EnableBroadcast = true;");
        w.Line($"await udp.SendAsync(Probe, new IPEndPoint(IPAddress.Broadcast, DiscoveryPort), {ct}).ConfigureAwait(false);");
        w.Line("var peers = new List<IPEndPoint>();");
        w.Line($"using var deadline = CancellationTokenSource.CreateLinkedTokenSource({ct});");
        w.Line("deadline.CancelAfter(window);");
        w.Open("try");
        w.Open("while (true)");
        w.Line("var reply = await udp.ReceiveAsync(deadline.Token).ConfigureAwait(false);");
        w.Open("if (reply.Buffer.Length > 0 && !peers.Contains(reply.RemoteEndPoint))");
        w.Line("peers.Add(reply.RemoteEndPoint);");
        w.Close();
        w.Close();
        w.Close();
        w.Open($"catch (OperationCanceledException) when (!{ct}.IsCancellationRequested)");
        w.Line("// The discovery window is over.");
        w.Close();
        w.Blank();
        w.Line("return peers;");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public static void Respond(string serviceName, Func<bool> keepRunning)");
        w.Line("using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);");
        w.Line("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");
        w.Line("socket.Bind(new IPEndPoint(IPAddress.Any, DiscoveryPort));");
        w.Line($"socket.ReceiveTimeout = {c.Pick(250, 500, 1000)};");
        w.Line("var answer = Encoding.UTF8.GetBytes(serviceName);");
        w.Line($"var buffer = new byte[{c.Pick(512, 1500, 2048)}];");
        w.Open("while (keepRunning())");
        w.Line("EndPoint sender = new IPEndPoint(IPAddress.Any, 0);");
        w.Line("int received;");
        w.Open("try");
        w.Line("received = socket.ReceiveFrom(buffer, ref sender);");
        w.Close();
        w.Open("catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Open("if (received == Probe.Length && buffer.AsSpan(0, received).SequenceEqual(Probe))");
        w.Line("socket.SendTo(answer, sender);");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task AnnounceAsync(string serviceName, TimeSpan interval, CancellationToken {ct})");
        w.Line("using var udp = new UdpClient();");
        w.Line("udp.EnableBroadcast = true;");
        w.Line("udp.Connect(new IPEndPoint(IPAddress.Broadcast, DiscoveryPort));");
        w.Line("var datagram = Encoding.UTF8.GetBytes(\"ANNOUNCE \" + serviceName);");
        w.Open($"while (!{ct}.IsCancellationRequested)");
        w.Line($"await udp.SendAsync(datagram, {ct}).ConfigureAwait(false);");
        w.Line($"await Task.Delay(interval, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Close();
        return name;
    }
}
