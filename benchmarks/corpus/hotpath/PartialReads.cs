// Corpus: receive results ignored (SOCK401). A trailing "expect" marker comment names each expected finding. CA2022 covers Stream.Read
// and ReadAsync statements; Socket.Receive is only ours.
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.HotPath.PartialReads
{
    public sealed class Protocol
    {
        public int ReadHeader(Socket socket)
        {
            var header = new byte[4];
            socket.Receive(header); // expect: SOCK401
            return BitConverter.ToInt32(header, 0);
        }

        public async Task<int> ReadHeaderAsync(Socket socket)
        {
            var header = new byte[4];
            await socket.ReceiveAsync(header, SocketFlags.None); // expect: SOCK401
            return BitConverter.ToInt32(header, 0);
        }

        public void ReadBody(NetworkStream stream, byte[] body)
        {
            stream.Read(body, 0, body.Length); // expect: SOCK401
        }

        public async Task ReadBodyAsync(TcpClient client, byte[] body)
        {
            Stream stream = client.GetStream();
            await stream.ReadAsync(body, 0, body.Length); // expect: SOCK401
        }

        public void Discarded(Socket socket, byte[] buffer)
        {
            _ = socket.Receive(buffer); // expect: SOCK401
        }
    }

    public sealed class Silent
    {
        public int CountUsed(Socket socket, byte[] buffer) => socket.Receive(buffer);

        public void ReadExactly(NetworkStream stream, byte[] buffer) => stream.ReadExactly(buffer, 0, buffer.Length);

        public async Task WaitForDataAsync(Socket socket) =>
            await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None); // zero-byte read: waits for readability

        public void Loop(Socket socket, byte[] buffer)
        {
            var received = 0;
            while (received < buffer.Length)
            {
                var n = socket.Receive(buffer, received, buffer.Length - received, SocketFlags.None);
                if (n == 0)
                {
                    throw new EndOfStreamException();
                }

                received += n;
            }
        }

        public void MemoryStreamRead(MemoryStream memory, byte[] buffer)
        {
            memory.Read(buffer, 0, buffer.Length); // socket-unrelated
        }
    }
}
