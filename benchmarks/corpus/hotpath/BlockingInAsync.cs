// Corpus: blocking socket calls in async code (SOCK301). A trailing "expect" marker comment names each expected finding;
// unmarked lines must stay silent for SocketAnalyzers. Lines tagged "socket-unrelated" are noise for the
// general-purpose analyzers (CA1849, MA0042, VSTHRD103, AsyncFixer02): blocking, but not socket code.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HotPath.BlockingInAsync
{
    public sealed class EchoServer
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            this.listener.Start();
            while (!cancellationToken.IsCancellationRequested)
            {
                using var client = this.listener.AcceptTcpClient(); // expect: SOCK301
                var stream = client.GetStream();
                var buffer = new byte[4096];
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) // expect: SOCK301
                {
                    stream.Write(buffer, 0, n); // expect: SOCK301
                }

                await Task.Yield();
            }
        }

        public async Task<int> ReceiveOnceAsync(Socket socket, byte[] buffer)
        {
            await Task.Delay(1);
            return socket.Receive(buffer); // expect: SOCK301
        }

        public async Task ConnectAsync(Socket socket, string host, int port)
        {
            var addresses = Dns.GetHostAddresses(host); // expect: SOCK301
            socket.Connect(addresses, port); // expect: SOCK301
            await Task.Yield();
        }

        public Func<Socket, Task> Handler() => async socket =>
        {
            var buffer = new byte[16];
            socket.Send(buffer); // expect: SOCK301
            await Task.Yield();
        };

        public async Task LocalFunctionAsync(UdpClient udp)
        {
            await PumpAsync();

            async Task PumpAsync()
            {
                IPEndPoint? remote = null;
                var datagram = udp.Receive(ref remote); // expect: SOCK301
                await udp.SendAsync(datagram, datagram.Length, remote);
            }
        }
    }

    public sealed class Silent
    {
        // Synchronous code is SOCK303's business, not SOCK301's.
        public int ReceiveSync(Socket socket, byte[] buffer) => socket.Receive(buffer);

        public async Task<int> ReadyDataAsync(Socket socket, byte[] buffer)
        {
            await Task.Yield();
            if (socket.Available > 0)
            {
                return socket.Receive(buffer);
            }

            return 0;
        }

        public async Task<int> NonBlockingAsync(Socket socket, byte[] buffer)
        {
            socket.Blocking = false;
            await Task.Yield();
            return socket.Receive(buffer, SocketFlags.None, out _);
        }

        public async Task<string> LookupOnlyAsync(string host)
        {
            await Task.Yield();
            return Dns.GetHostEntry(host).HostName; // a name lookup that connects nothing
        }

        public async Task<int> OffloadedAsync(Socket socket, byte[] buffer) =>
            await Task.Run(() => socket.Receive(buffer));

        public async Task<string> ReadConfigAsync(string path)
        {
            await Task.Yield();
            return File.ReadAllText(path); // socket-unrelated
        }

        public async Task WaitAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // socket-unrelated
        }

        public async Task MemoryAsync(MemoryStream memory, byte[] buffer)
        {
            await Task.Yield();
            memory.Write(buffer, 0, buffer.Length); // socket-unrelated
        }
    }
}
