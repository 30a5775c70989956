// Sockets disposed by using while something still holds them.
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public sealed class DisposedEscapes
    {
        private Socket? current;

        // Returned from inside its using: the caller receives a closed socket.
        public static Socket Open(EndPoint endPoint)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(endPoint);
            return socket; // expect: SOCK205
        }

        // Stored in a field inside a using statement: the field holds a closed client afterwards.
        public void Attach(string host, int port)
        {
            using (var client = new TcpClient(host, port))
            {
                this.current = client.Client; // expect: SOCK205
            }
        }

        public void Keep(EndPoint endPoint)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(endPoint);
            this.current = socket; // expect: SOCK205
        }

        // Handed to a task that is not awaited: the task runs on a closed socket.
        public static void StartPump(EndPoint endPoint, CancellationToken token)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(endPoint);
            _ = Task.Run(() => Pump(socket, token), token); // expect: SOCK205
        }

        // Awaited before the scope ends: fine.
        public static async Task PumpOnceAsync(EndPoint endPoint, CancellationToken token)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint, token);
            await Task.Run(() => Pump(socket, token), token);
        }

        // Returns data read from the socket, not the socket: fine.
        public static int ReadOne(EndPoint endPoint)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(endPoint);
            return socket.Receive(new byte[1]);
        }

        public Socket? Current => this.current;

        private static void Pump(Socket socket, CancellationToken token)
        {
            var buffer = new byte[1024];
            while (!token.IsCancellationRequested && socket.Receive(buffer) > 0)
            {
            }
        }
    }
}
