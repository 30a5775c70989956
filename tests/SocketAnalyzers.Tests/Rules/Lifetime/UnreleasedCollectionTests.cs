using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Adding a socket to a private collection field that its type never lets go of is no hand-off: nothing will ever
    /// close the socket through the collection (a chat server whose disconnect path only removes the client).
    /// </summary>
    public sealed class UnreleasedCollectionTests
    {
        private const string Id = "SOCK203";

        private static string Server(string loop, string members) => """
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Sockets;
            using System.Threading;

            class Server
            {
                private readonly List<TcpClient> clients = new List<TcpClient>();
                private readonly Dictionary<int, TcpClient> byId = new Dictionary<int, TcpClient>();

                void Serve(TcpListener listener)
                {
                    var id = 0;
                    while (true)
                    {
            """ + loop + """

                    }
                {|#1:}|}

                void Broadcast(byte[] data)
                {
                    foreach (var c in clients)
                    {
                        if (c == null) continue;
                        c.GetStream().Write(data, 0, data.Length);
                    }

                    for (var i = 0; i < clients.Count; i++)
                    {
                        if (!clients[i].Connected) clients.RemoveAt(i);
                    }
                }

                void Drop(TcpClient c)
                {
                    lock (clients) clients.Remove(c);
                }

            """ + members + """

            }
            """;

        [Theory]
        [InlineData("var client = {|#0:listener.AcceptTcpClient()|}; clients.Add(client);")]
        [InlineData("var client = {|#0:listener.AcceptTcpClient()|}; lock (clients) { clients.Add(client); }")]
        [InlineData("var client = {|#0:listener.AcceptTcpClient()|}; if (client.Connected) this.clients.Add(client);")]
        public async Task AddedToACollectionNothingCloses_Reports(string loop) =>
            await Verify.VerifyAsync(Id, Server(loop, string.Empty),
                Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"));

        [Theory]
        // Uses that close nothing: a snapshot loop that drops dead clients, a stream taken into a local and written.
        [InlineData("void Sweep() { foreach (TcpClient tcp in clients.ToList()) { if (tcp.Client.Poll(0, SelectMode.SelectRead)) clients.Remove(tcp); } }")]
        [InlineData("void Send(byte[] d) { foreach (var c in clients) { NetworkStream s = c.GetStream(); s.Write(d, 0, d.Length); s.Flush(); } }")]
        [InlineData("void Send(byte[] d) { foreach (var c in byId.Values) { c.GetStream().Write(d, 0, d.Length); } }")]
        public async Task CollectionUsedButNeverReleased_Reports(string members) =>
            await Verify.VerifyAsync(Id, Server("var client = {|#0:listener.AcceptTcpClient()|}; clients.Add(client); byId.Add(id++, client);", members),
                Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"));

        [Theory]
        // The type closes elements somewhere: in a stop loop, through an element, or hands the list on.
        [InlineData("public void Stop() { foreach (var c in clients) c.Close(); }")]
        [InlineData("public void Stop() { for (var i = 0; i < clients.Count; i++) clients[i].Dispose(); }")]
        [InlineData("public void Stop() { clients.ForEach(c => c.Close()); }")]
        [InlineData("public void Kick(int i) { Close(clients[i]); } static void Close(TcpClient c) => c.Close();")]
        [InlineData("public List<TcpClient> All() => clients;")]
        [InlineData("public void Stop() { foreach (var c in clients) { var s = c.GetStream(); s.Close(); } }")]
        [InlineData("public void Stop() { foreach (var c in clients.ToArray()) { using var s = c.GetStream(); } }")]
        [InlineData("public void Stop() { foreach (var c in clients) { c?.Client?.Shutdown(SocketShutdown.Both); } }")]
        [InlineData("public void Stop() { foreach (var c in clients) Shut(c); } static void Shut(TcpClient c) => c.Dispose();")]
        public async Task CollectionWhoseElementsTheTypeReleases_DoesNotReport(string members) =>
            await Verify.VerifyAsync(Id, Server("var client = listener.AcceptTcpClient(); clients.Add(client);", members).Replace("{|#1:}|}", "}"));

        [Fact]
        public async Task HandedToAThreadThatClosesIt_DoesNotReport() =>
            await Verify.VerifyAsync(Id, Server(
                "var client = listener.AcceptTcpClient(); clients.Add(client); new Thread(() => { using (client) { client.GetStream().ReadByte(); } Drop(client); }).Start();",
                string.Empty).Replace("{|#1:}|}", "}"));

        [Fact]
        public async Task CollectionHandedIn_DoesNotReport() =>
            await Verify.VerifyAsync(Id, Server("var client = listener.AcceptTcpClient(); shared.Add(client);",
                "private readonly List<TcpClient> shared; Server(List<TcpClient> all) { shared = all; }").Replace("{|#1:}|}", "}"));

        [Fact]
        public async Task PublicCollection_DoesNotReport() =>
            await Verify.VerifyAsync(Id, Server("var client = listener.AcceptTcpClient(); Shared.Add(client);", "public readonly List<TcpClient> Shared = new List<TcpClient>();").Replace("{|#1:}|}", "}"));

        [Fact]
        public async Task DictionaryValuesTakenOut_DoesNotReport() =>
            await Verify.VerifyAsync(Id, Server(
                "var client = listener.AcceptTcpClient(); byId.Add(id++, client);",
                "public void Stop(int key) { if (byId.TryGetValue(key, out var c)) c.Close(); }").Replace("{|#1:}|}", "}"));

        [Fact]
        public async Task DictionaryNothingCloses_Reports() =>
            await Verify.VerifyAsync(Id, Server("var client = {|#0:listener.AcceptTcpClient()|}; byId.Add(id++, client);", "public int Count => byId.Count;"),
                Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "the next iteration replaces it while it is still open"));
    }
}
