using System.Net;
using System.Net.Sockets;

// Each method below holds one socket mistake the analyzers catch; the comment names the rule.
// Build with `dotnet build samples/SocketSample` and read the warnings.
internal static class Program
{
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

    // SOCK109: there is no UDP stream socket; the constructor throws SocketException (ProtocolNotSupported).
    private static Socket CreateStreamOverUdp() =>
        new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp);
}
