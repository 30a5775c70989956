using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// The synchronous TcpListener host older code bases have: poll Pending so the loop can notice a stop request,
/// AcceptTcpClient, one background thread per client doing blocking Read/Write on the NetworkStream.
/// </summary>
internal static class BlockingTcpListenerHostShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}{c.Pick("Listener", "Endpoint", "Station")}{c.Suffix}";
        var uppercase = c.Chance(0.5);

        w.Line("/// <summary>Serves clients on background threads until Stop is called.</summary>");
        w.Open($"public sealed class {name}");
        c.WriteLogMember();
        w.Line("private readonly CancellationTokenSource _stop = new();");
        w.Line($"private readonly int _port;");
        w.Blank();
        w.Line($"public {name}(int port = {c.Names.Port()}) => _port = port;");
        w.Blank();
        w.Line("public void Stop() => _stop.Cancel();");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public void Run()");
        w.Line($"var listener = new TcpListener(IPAddress.{c.Pick("Any", "Loopback")}, _port);");
        w.Open("try");
        w.Line($"listener.Start({c.Names.Backlog()});");
        w.Open("while (!_stop.IsCancellationRequested)");
        w.Open("if (!listener.Pending())");
        w.Line($"_stop.Token.WaitHandle.WaitOne({c.Pick(25, 50, 100, 250)});");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("var client = listener.AcceptTcpClient();");
        w.Line("new Thread(() => Serve(client)) { IsBackground = true }.Start();");
        w.Close();
        w.Close();
        w.Open("finally");
        w.Line("listener.Stop();");
        w.Line(c.Log.Call($"\"{name} stopped\""));
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("private void Serve(TcpClient client)");
        w.Open("try");
        w.Open("using (client)");
        w.Line("client.ReceiveTimeout = " + c.Pick(10_000, 30_000, 120_000) + ";");
        w.Line("var stream = client.GetStream();");
        w.Line($"var buffer = new byte[{c.Names.BufferSize()}];");
        w.Line("int read;");
        w.Open("while (!_stop.IsCancellationRequested && (read = stream.Read(buffer, 0, buffer.Length)) > 0)");
        if (uppercase)
        {
            w.Open("for (var i = 0; i < read; i++)");
            w.Line("buffer[i] = (byte)char.ToUpperInvariant((char)buffer[i]);");
            w.Close();
            w.Blank();
        }

        w.Line("stream.Write(buffer, 0, read);");
        w.Close();
        w.Close();
        w.Close();
        w.Open("catch (IOException ex)");
        w.Line(c.Log.Call("$\"client failed: {ex.Message}\""));
        w.Close();
        w.Close();
        w.Close();
        return name;
    }
}
