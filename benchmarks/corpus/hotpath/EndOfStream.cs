// Corpus: counts that must bound the use of the buffer (SOCK401) and 0-byte results that must leave the loop (SOCK402),
// in the shapes real code takes (issue 13). A trailing "expect" marker comment names each expected finding.
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HotPath.EndOfStream
{
    public sealed class FrameReader
    {
        public async Task<byte[]?> ReadFrameAsync(NetworkStream stream, CancellationToken ct)
        {
            var header = new byte[6];
            int n = await stream.ReadAsync(header, 0, 6, ct); // expect: SOCK401
            if (n == 0)
            {
                return null;
            }

            int length = (header[4] << 8) | header[5]; // n may be 1..5: the header may be incomplete (D13)
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, ct);
            return body;
        }

        public string ReadGreeting(Socket socket)
        {
            var buffer = new byte[256];
            int got = socket.Receive(buffer); // no finding: a fresh zero-filled buffer trimmed of NULs is exactly what arrived (rules/SOCK401.md)
            return Encoding.ASCII.GetString(buffer).TrimEnd('\0');
        }

        public int ReadId(Socket socket, byte[] buffer)
        {
            var n = socket.Receive(buffer, 0, 4, SocketFlags.None); // expect: SOCK401
            Debug.Assert(n == 4); // compiled out of Release builds
            return BitConverter.ToInt32(buffer, 0);
        }
    }

    public sealed class Pumps
    {
        public void Relay(Socket from, Socket to, byte[] buffer)
        {
            while (true)
            {
                var n = from.Receive(buffer); // expect: SOCK402
                if (n > 0)
                {
                    to.Send(buffer, 0, n, SocketFlags.None);
                }
            }
        }

        public string ReadLine(NetworkStream stream)
        {
            var line = new StringBuilder();
            int b;
            while ((b = stream.ReadByte()) != '\n') // expect: SOCK402
            {
                line.Append((char)b);
            }

            return line.ToString();
        }

        public void Serve(NetworkStream stream, byte[] buffer)
        {
            while (true)
            {
                Drain(stream, buffer); // expect: SOCK402
            }
        }

        public void Poll(TcpClient client, byte[] buffer, Stream sink)
        {
            var stream = client.GetStream();
            while (true)
            {
                while (stream.DataAvailable)
                {
                    var n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK402
                    sink.Write(buffer, 0, n);
                }

                Thread.Sleep(10);
            }
        }

        private static void Drain(NetworkStream stream, byte[] buffer)
        {
            var n = stream.Read(buffer, 0, buffer.Length); // returns normally after a 0-byte read, telling no one
            Console.WriteLine($"{n} bytes");
        }
    }

    public sealed class Silent
    {
        private readonly Socket datagrams = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

        public void AcceptLoop(TcpListener listener, byte[] buffer, Stream sink)
        {
            while (true)
            {
                using var client = listener.AcceptTcpClient(); // each iteration reads a new connection
                var n = client.GetStream().Read(buffer, 0, buffer.Length);
                sink.Write(buffer, 0, n);
            }
        }

        public void Datagrams(byte[] buffer, Stream sink)
        {
            while (true)
            {
                var n = datagrams.Receive(buffer); // a 0-byte datagram is legal (D18)
                sink.Write(buffer, 0, n);
            }
        }

        public void RelayUntilClosed(Socket from, Socket to, byte[] buffer)
        {
            while (true)
            {
                var n = from.Receive(buffer);
                if (n > 0)
                {
                    to.Send(buffer, 0, n, SocketFlags.None);
                    continue;
                }

                break; // the 0 outcome falls through to here
            }
        }

        public int ReadHeader(Socket socket, byte[] header)
        {
            var n = socket.Receive(header, 0, 4, SocketFlags.None);
            if (n < 4)
            {
                throw new EndOfStreamException();
            }

            return BitConverter.ToInt32(header, 0);
        }

        public bool WaitForAnything(Socket socket)
        {
            var wake = new byte[16];
            return socket.Receive(wake) > 0; // only "something arrived" matters: the data is never read
        }
    }
}
