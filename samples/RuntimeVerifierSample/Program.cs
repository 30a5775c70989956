using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

// Each mistake below compiles, and the socket's state depends on which method ran first: the runtime verifier
// reports it with the line, the socket's recent calls and where the socket came from.
var server = new EchoServer();
server.Start();
server.AcceptOne(); // SOCK102: Start forgot Listen

var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
try
{
    client.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // SOCK107: bound twice
}
catch (SocketException)
{
}

client.Dispose();
LeakOne();
GC.Collect();
GC.WaitForPendingFinalizers();
server.Stop();

[MethodImpl(MethodImplOptions.NoInlining)]
static void LeakOne()
{
    var forgotten = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    forgotten.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // never disposed: SOCK201 after a GC
}

internal sealed class EchoServer
{
    private readonly Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public void Start() => this.listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public void AcceptOne()
    {
        try
        {
            using var accepted = this.listener.Accept();
        }
        catch (InvalidOperationException)
        {
            // What .NET throws for an Accept before Listen.
        }
    }

    public void Stop() => this.listener.Close();
}
