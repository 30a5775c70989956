using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A blocking server of the classic kind: Start binds and listens, an accept loop on a dedicated thread hands each
/// connection to a thread of its own, and Stop closes the listener. Owns its listener field and disposes it.
/// </summary>
internal static class ThreadedSocketServerShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}{c.Pick("Server", "Service", "Daemon")}{c.Suffix}";
        var listenerField = c.Names.Field("listener");
        var lineBased = c.Chance(0.5);

        w.Line("/// <summary>Serves one thread per connection; suited to a handful of long-lived peers.</summary>");
        w.Open($"public sealed class {name} : IDisposable");
        c.WriteLogMember();
        w.Line($"private readonly Socket {listenerField};");
        w.Line("private readonly List<Thread> _workers = new();");
        w.Line("private volatile bool _stopping;");
        w.Blank();
        w.Open($"public {name}(AddressFamily addressFamily)");
        w.Line($"{listenerField} = new Socket(addressFamily, SocketType.Stream, ProtocolType.Tcp);");
        if (c.Chance(0.5))
        {
            w.Line($"{listenerField}.ExclusiveAddressUse = {c.Pick("true", "false")};");
        }

        w.Close();
        w.Blank();
        w.Line($"public EndPoint? LocalEndPoint => {listenerField}.LocalEndPoint;");
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("public void Start(IPEndPoint endPoint)");
        w.Line($"{listenerField}.Bind(endPoint);");
        w.Line($"{listenerField}.Listen({c.Names.Backlog()});");
        w.Line("var acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = \"" + name + " accept\" };");
        w.Line("acceptThread.Start();");
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("private void AcceptLoop()");
        w.Open("while (!_stopping)");
        w.Line("Socket client;");
        w.Open("try");
        w.Line($"client = {listenerField}.Accept();");
        w.Close();
        w.Open("catch (SocketException) when (_stopping)");
        w.Line("return;");
        w.Close();
        w.Open("catch (ObjectDisposedException)");
        w.Line("return;");
        w.Close();
        w.Blank();
        w.Line("var worker = new Thread(() => Serve(client)) { IsBackground = true };");
        w.Open("lock (_workers)");
        w.Line("_workers.Add(worker);");
        w.Close();
        w.Blank();
        w.Line("worker.Start();");
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open("private void Serve(Socket client)");
        w.Open("using (client)");
        w.Line($"var buffer = new byte[{c.Names.BufferSize()}];");
        w.Line("client.ReceiveTimeout = " + c.Pick(5000, 15000, 30000, 60000) + ";");
        if (lineBased)
        {
            w.Line("var pending = new StringBuilder();");
            w.Line("int count;");
            w.Open("while ((count = client.Receive(buffer, 0, buffer.Length, SocketFlags.None)) > 0)");
            w.Line("pending.Append(Encoding.ASCII.GetString(buffer, 0, count));");
            w.Line("int newline;");
            w.Open("while ((newline = pending.ToString().IndexOf('\\n')) >= 0)");
            w.Line("var line = pending.ToString(0, newline).TrimEnd('\\r');");
            w.Line("pending.Remove(0, newline + 1);");
            w.Line("var reply = Encoding.ASCII.GetBytes(Handle(line) + \"\\r\\n\");");
            w.Line("SendAll(client, reply, reply.Length);");
            w.Close();
            w.Close();
        }
        else
        {
            w.Open("while (!_stopping)");
            w.Line("var count = client.Receive(buffer);");
            w.Open("if (count == 0)");
            w.Line("break;");
            w.Close();
            w.Blank();
            w.Line("SendAll(client, buffer, count);");
            w.Close();
        }

        w.Line("client.Shutdown(SocketShutdown.Both);");
        w.Close();
        w.Close();
        w.Blank();

        if (lineBased)
        {
            w.Open("private static string Handle(string line)");
            w.Line("var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);");
            w.Line("return parts.Length == 0 ? \"ERR empty\" : parts[0].ToUpperInvariant() switch");
            w.Line("{");
            w.Line("    \"PING\" => \"PONG\",");
            w.Line("    \"TIME\" => DateTimeOffset.UtcNow.ToString(\"O\"),");
            w.Line("    \"ECHO\" when parts.Length > 1 => parts[1],");
            w.Line("    _ => \"ERR unknown command\",");
            w.Line("};");
            w.Close();
            w.Blank();
        }

        TransferHelpers.SendAll(c, "SendAll");

        w.Open("public void Dispose()");
        w.Line("_stopping = true;");
        w.Line($"{listenerField}.Dispose();");
        w.Open("lock (_workers)");
        w.Open("foreach (var worker in _workers)");
        w.Line("worker.Join(TimeSpan.FromSeconds(1));");
        w.Close();
        w.Close();
        w.Close();
        w.Close();
        return name;
    }
}
