using System.Net.Sockets;

namespace SocketAnalyzers.RuntimeVerifier.Workload
{
    /// <summary>Single socket calls, each one call site: intercepted in the Verified build, direct in the plain one.</summary>
    public static class SocketCalls
    {
        /// <summary>A cheap intercepted call: one setsockopt, no protocol transition.</summary>
        public static void SetKeepAlive(Socket socket) =>
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);

        /// <summary>One byte there, one byte back in: the smallest useful transfer on loopback.</summary>
        public static int SendReceiveOneByte(Socket sender, Socket receiver, byte[] buffer)
        {
            sender.Send(buffer, 0, 1, SocketFlags.None);
            return receiver.Receive(buffer, 0, 1, SocketFlags.None);
        }

        /// <summary>A socket's whole life: what leak detection adds to (registration, finalizer bookkeeping).</summary>
        public static void CreateBindDispose(System.Net.EndPoint endPoint)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(endPoint);
            socket.Dispose();
        }
    }
}
