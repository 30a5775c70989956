using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Relay
{
    public sealed class Relay
    {
        public async Task ForwardAsync(Socket from, Socket to)
        {
            var buffer = new byte[4096];
            int received = await from.ReceiveAsync(buffer, SocketFlags.None);
            to.Send(buffer, 0, received, SocketFlags.None);
        }

        public async Task EchoAsync(Socket peer)
        {
            var buffer = new byte[4096];
            int received = await peer.ReceiveAsync(buffer, SocketFlags.None);
            await peer.SendAsync(new System.ArraySegment<byte>(buffer, 0, received), SocketFlags.None);
        }

        public void Connect(Socket socket, EndPoint endPoint)
        {
            socket.ConnectAsync(endPoint).Wait();
        }

        public void Pump(NetworkStream input, NetworkStream output)
        {
            var buffer = new byte[4096];
            while (true)
            {
                int n = input.Read(buffer, 0, buffer.Length);
                output.Write(buffer, 0, n);
            }
        }
    }
}
