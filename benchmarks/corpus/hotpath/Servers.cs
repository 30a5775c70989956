// Corpus: realistic server and client code mixing the hot-path and receive rules. A trailing "expect" marker comment
// names each expected finding; every other line must stay silent for SocketAnalyzers.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HotPath.Servers
{
    public sealed class LineServer
    {
        private readonly Socket listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<string> log = new List<string>();

        public async ValueTask ServeAsync(CancellationToken cancellationToken)
        {
            this.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            this.listener.Listen(16);
            while (!cancellationToken.IsCancellationRequested)
            {
                var connection = this.listener.Accept(); // expect: SOCK301
                _ = Task.Run(() => this.HandleAsync(connection, cancellationToken), cancellationToken);
                await Task.Yield();
            }
        }

        private async Task HandleAsync(Socket connection, CancellationToken cancellationToken)
        {
            using (connection)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var received = await connection.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken);
                    if (received == 0)
                    {
                        return;
                    }

                    var line = Encoding.UTF8.GetString(buffer, 0, received);
                    File.AppendAllText("server.log", line); // socket-unrelated
                    connection.Send(buffer, 0, received, SocketFlags.None); // expect: SOCK301
                }
            }
        }

        public string LastLine()
        {
            lock (this.log)
            {
                return this.log.Count > 0 ? this.log[this.log.Count - 1] : string.Empty;
            }
        }
    }

    public sealed class FramedClient : IDisposable
    {
        private readonly TcpClient client = new TcpClient();
        private readonly object sendGate = new object();

        public void Connect(string host, int port) => this.client.Connect(host, port);

        public void SendFrame(byte[] payload)
        {
            var stream = this.client.GetStream();
            lock (this.sendGate)
            {
                stream.Write(BitConverter.GetBytes(payload.Length), 0, 4); // expect: SOCK303
                stream.Write(payload, 0, payload.Length); // expect: SOCK303
            }
        }

        public byte[] ReceiveFrame()
        {
            var stream = this.client.GetStream();
            var header = new byte[4];
            stream.Read(header, 0, 4); // expect: SOCK401
            var body = new byte[BitConverter.ToInt32(header, 0)];
            stream.ReadExactly(body);
            return body;
        }

        public async Task<byte[]> ReceiveFrameAsync(CancellationToken cancellationToken)
        {
            var stream = this.client.GetStream();
            var header = new byte[4];
            await stream.ReadExactlyAsync(header, cancellationToken);
            var body = new byte[BitConverter.ToInt32(header, 0)];
            var read = 0;
            while (read < body.Length)
            {
                read += await stream.ReadAsync(body.AsMemory(read), cancellationToken); // expect: SOCK402
            }

            return body;
        }

        public int Peek()
        {
            var pending = this.client.Client.ReceiveAsync(new byte[1], SocketFlags.Peek);
            return pending.GetAwaiter().GetResult(); // expect: SOCK302
        }

        public void Dispose() => this.client.Dispose();
    }

    public sealed class Telemetry
    {
        public async Task FlushAsync(Stream file, byte[] data)
        {
            file.Write(data, 0, data.Length); // socket-unrelated
            file.Flush(); // socket-unrelated
            await Task.Delay(1);
        }

        public int Total(IEnumerable<Task<int>> parts)
        {
            var sum = 0;
            foreach (var part in parts)
            {
                sum += part.Result; // socket-unrelated
            }

            return sum;
        }

        public async Task<int> DatagramAsync(UdpClient udp)
        {
            var result = await udp.ReceiveAsync();
            return result.Buffer.Length;
        }
    }
}
