using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// Static helpers that create and configure sockets and hand them to the caller: the try/catch-dispose factory
/// pattern, listener, UDP, Unix-domain and dual-mode factories, option helpers applied before Bind.
/// </summary>
internal static class SocketFactoryShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Sockets{c.Suffix}";
        var ct = c.Names.TokenParameter();

        w.Line("/// <summary>Creates sockets configured the way this service needs them.</summary>");
        w.Open($"public static class {name}");
        c.WriteLogMember();
        w.Line($"public const int DefaultBufferSize = {c.Names.BufferSize()};");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public static Socket CreateListener(IPEndPoint endPoint, int backlog = " + c.Names.Backlog() + ")");
        w.Line("var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);");
        w.Open("try");
        w.Line("Configure(socket);");
        if (c.Chance(0.5))
        {
            w.Line("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);");
        }

        w.Line("socket.Bind(endPoint);");
        w.Line("socket.Listen(backlog);");
        w.Line("return socket;");
        w.Close();
        w.Open("catch");
        w.Line("socket.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"public static async Task<Socket> ConnectAsync(EndPoint remote, CancellationToken {ct})");
        w.Line("var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);");
        w.Open("try");
        w.Line("Configure(socket);");
        w.Line($"await socket.ConnectAsync(remote, {ct}).ConfigureAwait(false);");
        w.Line("return socket;");
        w.Close();
        w.Open("catch");
        w.Line("socket.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public static Socket CreateUdp(int localPort, bool broadcast)");
        w.Line("var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);");
        w.Open("try");
        w.Line("udp.EnableBroadcast = broadcast;");
        w.Line("udp.ReceiveBufferSize = DefaultBufferSize * 4;");
        w.Line("udp.Bind(new IPEndPoint(IPAddress.Any, localPort));");
        w.Line("return udp;");
        w.Close();
        w.Open("catch (SocketException ex)");
        w.Line(c.Log.Call("$\"cannot bind UDP port {localPort}: {ex.SocketErrorCode}\""));
        w.Line("udp.Dispose();");
        w.Line("throw;");
        w.Close();
        w.Close();
        w.Blank();

        if (c.Chance(0.5))
        {
            SocketMethod.Begin(c);
            w.Line("/// <summary>Connects to a local service over a Unix domain socket (a file path, no TCP stack).</summary>");
            w.Open("public static Socket ConnectUnix(string path)");
            w.Line("var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);");
            w.Open("try");
            w.Line("socket.Connect(new UnixDomainSocketEndPoint(path));");
            w.Line("return socket;");
            w.Close();
            w.Open("catch");
            w.Line("socket.Dispose();");
            w.Line("throw;");
            w.Close();
            w.Close();
            w.Blank();
        }

        if (c.Chance(0.5))
        {
            SocketMethod.Begin(c);
            w.Line("/// <summary>One listener for IPv4 and IPv6: DualMode must be set before Bind.</summary>");
            w.Open("public static Socket CreateDualModeListener(int port)");
            w.Line("var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);");
            w.Open("try");
            w.Line("socket.DualMode = true;");
            w.Line("socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));");
            w.Line($"socket.Listen({c.Names.Backlog()});");
            w.Line("return socket;");
            w.Close();
            w.Open("catch");
            w.Line("socket.Dispose();");
            w.Line("throw;");
            w.Close();
            w.Close();
            w.Blank();
        }

        w.Open("private static void Configure(Socket socket)");
        w.Line("socket.NoDelay = " + c.Pick("true", "false") + ";");
        w.Line("socket.ReceiveBufferSize = DefaultBufferSize;");
        w.Line("socket.SendBufferSize = DefaultBufferSize;");
        if (c.Chance(0.5))
        {
            w.Line("socket.LingerState = new LingerOption(true, " + c.Next(0, 10) + ");");
        }

        if (c.Chance(0.5))
        {
            w.Line("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);");
        }

        w.Close();
        w.Blank();

        w.Open("public static string Describe(Socket socket)");
        w.Line("var local = socket.LocalEndPoint?.ToString() ?? \"unbound\";");
        w.Line("var remote = socket.Connected ? socket.RemoteEndPoint?.ToString() ?? \"?\" : \"not connected\";");
        w.Line("return $\"{socket.SocketType}/{socket.ProtocolType} {local} -> {remote}\";");
        w.Close();
        w.Close();
        return name;
    }
}
