// Corpus: line and length-prefixed protocols over sockets, with the blocking and waiting code that surrounds them in
// real services (files, timers, semaphores, computations). A trailing "expect" marker comment names each expected
// finding, whichever tool finds it; every other line is a negative.
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HotPath.Protocols
{
    public sealed class LineProtocol
    {
        private readonly SemaphoreSlim writeLock = new SemaphoreSlim(1, 1);

        // A StreamReader over a NetworkStream blocks on the socket as much as NetworkStream.Read does.
        public async Task<string?> ReadGreetingAsync(TcpClient client)
        {
            var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            await Task.Yield();
            return reader.ReadLine(); // expect: SOCK301
        }

        public async Task WriteLineAsync(NetworkStream stream, string line, CancellationToken cancellationToken)
        {
            var bytes = Encoding.ASCII.GetBytes(line + "\n");
            await this.writeLock.WaitAsync(cancellationToken);
            try
            {
                stream.Write(bytes, 0, bytes.Length); // expect: SOCK301
            }
            finally
            {
                this.writeLock.Release();
            }
        }

        public void WriteLineSync(NetworkStream stream, string line)
        {
            var bytes = Encoding.ASCII.GetBytes(line + "\n");
            this.writeLock.Wait(); // socket-unrelated: a semaphore, not a lock statement
            try
            {
                stream.Write(bytes, 0, bytes.Length);
            }
            finally
            {
                this.writeLock.Release();
            }
        }
    }

    public sealed class LengthPrefixed
    {
        public async Task<byte[]> ReadMessageAsync(Socket socket, CancellationToken cancellationToken)
        {
            var prefix = new byte[4];
            await socket.ReceiveAsync(prefix, SocketFlags.None, cancellationToken); // expect: SOCK401
            var body = new byte[BitConverter.ToInt32(prefix, 0)];
            var offset = 0;
            while (offset < body.Length)
            {
                var n = await socket.ReceiveAsync(body.AsMemory(offset), SocketFlags.None, cancellationToken);
                if (n == 0)
                {
                    throw new EndOfStreamException();
                }

                offset += n;
            }

            return body;
        }

        public byte[] ReadMessage(SslStream tls)
        {
            var prefix = new byte[4];
            tls.ReadExactly(prefix);
            var body = new byte[BitConverter.ToInt32(prefix, 0)];
            tls.ReadExactly(body);
            return body;
        }

        public async Task SendMessageAsync(Socket socket, byte[] body)
        {
            var prefix = BitConverter.GetBytes(body.Length);
            await socket.SendAsync(prefix, SocketFlags.None);
            await socket.SendAsync(body, SocketFlags.None);
        }
    }

    public sealed class Service
    {
        public async Task<int> RunToolAsync(string path)
        {
            using var process = Process.Start(path)!;
            await Task.Yield();
            process.WaitForExit(); // socket-unrelated
            return process.ExitCode;
        }

        public async Task<byte[]> LoadCertificateAsync(string path)
        {
            await Task.Yield();
            return File.ReadAllBytes(path); // socket-unrelated
        }

        public async Task<string> PromptAsync()
        {
            await Task.Yield();
            return Console.ReadLine() ?? string.Empty; // socket-unrelated
        }

        public int Checksum(byte[] data)
        {
            var task = Task.Run(() =>
            {
                var sum = 0;
                foreach (var b in data)
                {
                    sum += b;
                }

                return sum;
            });
            return task.Result; // socket-unrelated
        }

        public void Pace() => Task.Delay(10).Wait(); // socket-unrelated

        public async Task CopyAsync(Stream source, Stream destination)
        {
            await Task.Yield();
            source.CopyTo(destination); // socket-unrelated: streams of unknown kind
        }
    }
}
