// Corpus: sync-over-async waits on socket tasks (SOCK302). A trailing "expect" marker comment names each expected finding.
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.HotPath.SyncOverAsync
{
    public sealed class Client
    {
        public static void Main()
        {
            using var client = new TcpClient();
            client.ConnectAsync("localhost", 80).Wait(); // expect: SOCK302
            var stream = client.GetStream();
            var buffer = new byte[16];
            var n = stream.ReadAsync(buffer, 0, buffer.Length).Result; // expect: SOCK302
            stream.WriteAsync(buffer, 0, n).GetAwaiter().GetResult(); // expect: SOCK302
        }

        public async Task<Socket> AcceptAsync(Socket listener)
        {
            await Task.Yield();
            return listener.AcceptAsync().Result; // expect: SOCK302
        }

        public int Receive(Socket socket, byte[] buffer)
        {
            var pending = socket.ReceiveAsync(buffer, SocketFlags.None);
            return pending.Result; // expect: SOCK302
        }

        public UdpReceiveResult ReceiveDatagram(UdpClient udp) =>
            udp.ReceiveAsync().GetAwaiter().GetResult(); // expect: SOCK302
    }

    public sealed class Silent
    {
        public async Task<int> AwaitedAsync(Socket socket, byte[] buffer) =>
            await socket.ReceiveAsync(buffer, SocketFlags.None);

        public int CompletedTask(Socket socket, byte[] buffer)
        {
            var pending = socket.ReceiveAsync(buffer, SocketFlags.None);
            if (pending.IsCompleted)
            {
                return pending.Result;
            }

            return -1;
        }

        public string ReadFile(string path) => File.ReadAllTextAsync(path).Result; // socket-unrelated

        public int Compute() => Task.Run(() => 42).Result; // socket-unrelated

        public IPAddress[] Lookup(string host) => Dns.GetHostAddressesAsync(host).Result; // socket-unrelated: no connect
    }
}
