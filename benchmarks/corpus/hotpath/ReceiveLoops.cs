// Corpus: receive loops that never handle a 0-byte result (SOCK402). A trailing "expect" marker comment names each expected finding.
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Corpus.HotPath.ReceiveLoops
{
    public sealed class Loops
    {
        public void Spin(Socket socket, byte[] buffer, Stream sink)
        {
            while (true)
            {
                var n = socket.Receive(buffer); // expect: SOCK402
                sink.Write(buffer, 0, n);
            }
        }

        public void UntilConnectedIsFalse(TcpClient client, byte[] buffer, Stream sink)
        {
            var stream = client.GetStream();
            while (client.Connected) // Connected stays true after the peer closes (D12)
            {
                var n = stream.Read(buffer, 0, buffer.Length); // expect: SOCK402
                sink.Write(buffer, 0, n);
            }
        }

        public void FillWithoutEof(Socket socket, byte[] buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                total += socket.Receive(buffer, total, buffer.Length - total, SocketFlags.None); // expect: SOCK402
            }
        }

        public void UntilCancelled(NetworkStream stream, byte[] buffer, CancellationToken token)
        {
            do
            {
                stream.Read(buffer, 0, buffer.Length); // expect: SOCK401, SOCK402
            }
            while (!token.IsCancellationRequested);
        }
    }

    public sealed class Silent
    {
        public void StopsOnZero(Socket socket, byte[] buffer, Stream sink)
        {
            int n;
            while ((n = socket.Receive(buffer)) > 0)
            {
                sink.Write(buffer, 0, n);
            }
        }

        public void BreaksOnZero(NetworkStream stream, byte[] buffer)
        {
            for (;;)
            {
                var n = stream.Read(buffer, 0, buffer.Length);
                if (n == 0)
                {
                    break;
                }
            }
        }

        public void BoundedRetries(Socket socket, byte[] buffer)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                socket.Receive(buffer); // expect: SOCK401 (the count is ignored; the loop itself is bounded)
            }
        }

        public void UdpDatagrams(byte[] buffer)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            while (true)
            {
                var n = udp.Receive(buffer); // a 0-byte datagram is legal (D18)
                buffer[0] = (byte)n;
            }
        }

        public void UdpFrom(Socket socket, byte[] buffer)
        {
            EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                socket.ReceiveFrom(buffer, ref remote); // expect: SOCK401 (a datagram's length is lost: D17)
            }
        }
    }
}
