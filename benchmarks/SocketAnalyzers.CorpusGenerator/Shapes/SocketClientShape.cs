using SocketAnalyzers.CorpusGenerator.Writing;

namespace SocketAnalyzers.CorpusGenerator.Shapes;

/// <summary>
/// A request/response client on a raw Socket, synchronous or asynchronous: resolve, connect, send a length-prefixed
/// request, read the reply with a receive-exactly loop, with retries and timeouts. Disposal by using statement,
/// using declaration or try/finally, picked per file.
/// </summary>
internal static class SocketClientShape
{
    public static string Write(ShapeContext c)
    {
        var w = c.Writer;
        var name = $"{c.Names.NetworkPrefix()}Client{c.Suffix}";
        var isAsync = c.Chance(0.6);

        w.Line("/// <summary>Sends one request per connection and returns the peer's reply.</summary>");
        w.Open($"public sealed class {name}");
        c.WriteLogMember();
        w.Line("private readonly string _host;");
        w.Line("private readonly int _port;");
        w.Blank();
        w.Open($"public {name}(string host, int port)");
        w.Line("_host = host ?? throw new ArgumentNullException(nameof(host));");
        w.Line("_port = port is > 0 and <= 65535 ? port : throw new ArgumentOutOfRangeException(nameof(port));");
        w.Close();
        w.Blank();
        w.Line($"public int MaxAttempts {{ get; set; }} = {c.Next(2, 6)};");
        w.Blank();
        if (isAsync)
        {
            WriteAsync(c);
        }
        else
        {
            WriteSync(c);
        }

        w.Close();
        return name;
    }

    private static void WriteAsync(ShapeContext c)
    {
        var w = c.Writer;
        var ct = c.Names.TokenParameter();
        var s = c.Names.SocketLocal();
        w.Open($"public async Task<byte[]> RequestAsync(ReadOnlyMemory<byte> request, CancellationToken {ct} = default)");
        w.Open("for (var attempt = 1; ; attempt++)");
        w.Open("try");
        w.Line($"return await ExchangeAsync(request, {ct}).ConfigureAwait(false);");
        w.Close();
        w.Open("catch (SocketException ex) when (attempt < MaxAttempts && ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.TimedOut)");
        w.Line(c.Log.Call("$\"attempt {attempt} failed: {ex.SocketErrorCode}\""));
        w.Line($"await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), {ct}).ConfigureAwait(false);");
        w.Close();
        w.Close();
        w.Close();
        w.Blank();

        SocketMethod.Begin(c);
        w.Open($"private async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken {ct})");
        w.Line($"var addresses = await Dns.GetHostAddressesAsync(_host, {ct}).ConfigureAwait(false);");
        w.Line("var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];");
        var style = c.Next(0, 3);
        if (style == 0)
        {
            w.Line($"using var {s} = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);");
            WriteAsyncExchangeBody(c, s, ct);
        }
        else if (style == 1)
        {
            w.Open($"using (var {s} = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp))");
            WriteAsyncExchangeBody(c, s, ct);
            w.Close();
        }
        else
        {
            w.Line($"var {s} = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);");
            w.Open("try");
            WriteAsyncExchangeBody(c, s, ct);
            w.Close();
            w.Open("finally");
            w.Line($"{s}.Dispose();");
            w.Close();
        }

        w.Close();
        w.Blank();
        TransferHelpers.ReceiveExactlyAsync(c, "ReceiveExactlyAsync");
        TransferHelpers.SendAllAsync(c, "SendAllAsync");
    }

    private static void WriteAsyncExchangeBody(ShapeContext c, string s, string ct)
    {
        var w = c.Writer;
        w.Line($"{s}.NoDelay = true;");
        if (c.Chance(0.4))
        {
            w.Line($"{s}.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);");
        }

        w.Line($"using var timeout = CancellationTokenSource.CreateLinkedTokenSource({ct});");
        w.Line($"timeout.CancelAfter(TimeSpan.FromSeconds({c.Next(2, 31)}));");
        w.Line($"await {s}.ConnectAsync(new IPEndPoint(address, _port), timeout.Token).ConfigureAwait(false);");
        w.Line("var header = new byte[4];");
        w.Line("BitConverter.TryWriteBytes(header, request.Length);");
        w.Line($"await SendAllAsync({s}, header, timeout.Token).ConfigureAwait(false);");
        w.Line($"await SendAllAsync({s}, request, timeout.Token).ConfigureAwait(false);");
        w.Line($"await ReceiveExactlyAsync({s}, header, timeout.Token).ConfigureAwait(false);");
        w.Line("var length = BitConverter.ToInt32(header, 0);");
        w.Open($"if (length is < 0 or > {c.Names.BufferSize() * 16})");
        w.Line("throw new InvalidDataException($\"Reply length {length} is out of range.\");");
        w.Close();
        w.Blank();
        w.Line("var reply = new byte[length];");
        w.Line($"await ReceiveExactlyAsync({s}, reply, timeout.Token).ConfigureAwait(false);");
        if (c.Chance(0.5))
        {
            w.Line($"{s}.Shutdown(SocketShutdown.Both);");
        }

        w.Line("return reply;");
    }

    private static void WriteSync(ShapeContext c)
    {
        var w = c.Writer;
        var s = c.Names.SocketLocal();
        SocketMethod.Begin(c);
        w.Open("public byte[] Request(byte[] request)");
        w.Line("SocketException? last = null;");
        w.Open("for (var attempt = 0; attempt < MaxAttempts; attempt++)");
        w.Open($"using (var {s} = new Socket(SocketType.Stream, ProtocolType.Tcp))");
        w.Line($"{s}.SendTimeout = {c.Pick(1000, 5000, 10000)};");
        w.Line($"{s}.ReceiveTimeout = {c.Pick(1000, 5000, 10000)};");
        w.Open("try");
        w.Line($"{s}.Connect(_host, _port);");
        w.Close();
        w.Open("catch (SocketException ex)");
        w.Line("last = ex;");
        w.Line("Thread.Sleep(50 * (attempt + 1));");
        w.Line("continue;");
        w.Close();
        w.Blank();
        w.Line("var header = BitConverter.GetBytes(request.Length);");
        w.Line($"SendAll({s}, header, header.Length);");
        w.Line($"SendAll({s}, request, request.Length);");
        w.Line($"ReceiveExactly({s}, header, 0, header.Length);");
        w.Line("var reply = new byte[BitConverter.ToInt32(header, 0)];");
        w.Line($"ReceiveExactly({s}, reply, 0, reply.Length);");
        w.Line("return reply;");
        w.Close();
        w.Close();
        w.Blank();
        w.Line("throw new IOException($\"Could not reach {_host}:{_port}.\", last);");
        w.Close();
        w.Blank();
        TransferHelpers.ReceiveExactly(c, "ReceiveExactly");
        TransferHelpers.SendAll(c, "SendAll");
    }
}
