using System.Net;
using System.Net.Sockets;

// Each method below holds one socket mistake the analyzers catch; the comment names the rule.
// Build with `dotnet build samples/SocketSample` and read the warnings.
internal static class Program
{
    private static readonly IPEndPoint Local = new IPEndPoint(IPAddress.Loopback, 0);

    private static void Main()
    {
        Console.WriteLine("SocketAnalyzers sample: build it to see the warnings; it is not meant to run.");
    }

    // SOCK101: a UDP socket cannot listen; Listen throws SocketException (OperationNotSupported).
    private static void ListenOnUdp()
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        udp.Listen(10);
    }

    // SOCK102: Accept needs Listen first; on a socket that is only bound it throws InvalidOperationException.
    private static Socket AcceptWithoutListen()
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(Local);
        return server.Accept();
    }

    // SOCK103: Listen on a socket that was never bound listens on an ephemeral port of every interface.
    private static void ListenWithoutBind()
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Listen();
    }

    // SOCK104: a listening socket cannot connect; Connect throws InvalidOperationException.
    private static void ConnectOnListener(IPEndPoint remote)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(Local);
        socket.Listen();
        socket.Connect(remote);
    }

    // SOCK105: Send on a TCP socket that never connected throws SocketException.
    private static void SendUnconnected()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Send(new byte[] { 1 });
    }

    // SOCK106: every operation after Close throws ObjectDisposedException.
    private static void SendAfterClose(IPEndPoint remote)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(remote);
        socket.Close();
        socket.Send(new byte[] { 1 });
    }

    // SOCK107: a socket binds once; the second Bind throws SocketException (InvalidArgument).
    private static void BindTwice()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(Local);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 8080));
    }

    // SOCK108: ExclusiveAddressUse after Bind throws InvalidOperationException.
    private static void OptionAfterBind()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(Local);
        socket.ExclusiveAddressUse = true;
    }

    // SOCK109: there is no UDP stream socket; the constructor throws SocketException (ProtocolNotSupported).
    private static Socket CreateStreamOverUdp() =>
        new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp);

    // SOCK110: a TcpListener accepts only between Start and Stop.
    private static TcpClient AcceptBeforeStart()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        return listener.AcceptTcpClient();
    }

    // SOCK111: GetStream on a TcpClient that is not connected throws InvalidOperationException.
    private static NetworkStream StreamBeforeConnect()
    {
        var client = new TcpClient();
        return client.GetStream();
    }
}
