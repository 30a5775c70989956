using System.Net;
using System.Net.Sockets;

namespace SocketAnalyzers.RuntimeVerifier.TestLibrary
{
    /// <summary>Socket calls made from another verified assembly than the tests'.</summary>
    public static class LibrarySocketCalls
    {
        public static void BindToLoopback(Socket socket) => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        public static void Close(Socket socket) => socket.Close();
    }
}
