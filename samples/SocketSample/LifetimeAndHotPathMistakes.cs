using System.Net;
using System.Net.Sockets;

// Lifetime, hot-path and receive mistakes; the comment above each method names the rule.
// SOCK202 and SOCK303 are suggestions (info): the IDE shows them, `dotnet build` does not print them.
internal static class LifetimeAndHotPathMistakes
{
    // SOCK201: the client is not disposed on the path that returns early.
    private static int SendGreeting(IPEndPoint server, bool skip)
    {
        var client = new TcpClient();
        if (skip)
        {
            return 0;
        }

        client.Connect(server);
        var sent = client.Client.Send(new byte[] { 1 });
        client.Dispose();
        return sent;
    }

    // SOCK202: if Connect throws, the socket leaks: the caller never receives it.
    private static Socket Open(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(server);
        return socket;
    }

    // SOCK203: every accepted connection leaks.
    private static void ServeForever(TcpListener listener)
    {
        while (true)
        {
            var connection = listener.AcceptSocket();
            connection.Send(new byte[] { 42 });
        }
    }

    // SOCK205: the caller receives a socket that the using already closed.
    private static Socket Connected(IPEndPoint server)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(server);
        return socket;
    }

    // SOCK301: a blocking Receive in an async method holds a thread-pool thread.
    private static async Task<int> ReadReplyAsync(Socket socket, CancellationToken token)
    {
        await Task.Delay(1, token);
        var buffer = new byte[256];
        return socket.Receive(buffer);
    }

    // SOCK302: .Result blocks the thread for the whole round trip.
    private static int ReceiveNow(Socket socket, byte[] buffer) =>
        socket.ReceiveAsync(buffer, SocketFlags.None).Result;

    // SOCK401: one Receive returns what has arrived, not a full header.
    private static int ReadHeader(Socket socket)
    {
        var header = new byte[4];
        socket.Receive(header);
        return BitConverter.ToInt32(header, 0);
    }

    // SOCK402: after the peer closes, Receive returns 0 forever and this loop spins.
    private static void Drain(Socket socket)
    {
        var buffer = new byte[1024];
        while (socket.Connected)
        {
            var read = socket.Receive(buffer);
            Console.WriteLine(read);
        }
    }
}

// SOCK204: the type owns a socket but never disposes it.
internal sealed class Connection
{
    private readonly Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public void Send(byte[] data) => this.socket.Send(data);
}
