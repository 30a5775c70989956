using System.Net.Sockets;
using System.Text;

namespace Chat
{
    public static class ChatClient
    {
        public static void SendOnce(string host, int port, string text)
        {
            var client = new TcpClient();
            client.Connect(host, port);
            var stream = client.GetStream();
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }

        public static void SendAll(string host, int port, byte[] data)
        {
            using (var client = new TcpClient())
            {
                client.Connect(host, port);
                client.GetStream().Write(data, 0, data.Length);
            }
        }

        public static string ReadGreeting(NetworkStream stream)
        {
            var buffer = new byte[256];
            stream.Read(buffer, 0, buffer.Length);
            return Encoding.ASCII.GetString(buffer);
        }

        public static string ReadReply(NetworkStream stream)
        {
            var buffer = new byte[256];
            int count = stream.Read(buffer, 0, buffer.Length);
            return Encoding.ASCII.GetString(buffer, 0, count);
        }
    }
}
