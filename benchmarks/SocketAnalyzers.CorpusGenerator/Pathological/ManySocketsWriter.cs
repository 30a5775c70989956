namespace SocketAnalyzers.CorpusGenerator.Pathological;

/// <summary>Method500Sockets: one method that creates, configures, connects, uses and closes 500 sockets.</summary>
internal static class ManySocketsWriter
{
    private const int Sockets = 500;

    public static GeneratedFile Write() => PathologicalFile.Write("ManySockets", w =>
    {
        w.Open("public static int Run(EndPoint remote, IPEndPoint local)");
        w.Line("var buffer = new byte[32];");
        w.Line("var total = 0;");
        for (var i = 0; i < Sockets; i++)
        {
            var kind = i % 5 == 4 ? "SocketType.Dgram, ProtocolType.Udp" : "SocketType.Stream, ProtocolType.Tcp";
            w.Line(i % 3 == 0
                ? $"using var s{i} = new Socket(AddressFamily.InterNetwork, {kind});"
                : $"var s{i} = new Socket(AddressFamily.InterNetwork, {kind});");
            w.Line(i % 5 == 4 ? $"s{i}.Bind(local);" : $"s{i}.Connect(remote);");
            w.Line(i % 5 == 4 ? $"total += s{i}.SendTo(buffer, remote);" : $"total += s{i}.Send(buffer);");
            if (i % 3 != 0)
            {
                w.Line(i % 2 == 0 ? $"s{i}.Dispose();" : $"s{i}.Close();");
            }
        }

        w.Line("return total;");
        w.Close();
    });
}
