using System;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// What can be seen of a live object's protocol state from outside. Shut-down directions cannot be read back,
    /// so those states are only "open and not closed".
    /// </summary>
    internal static class StateProbe
    {
        /// <summary>True when the object looks like it is in <paramref name="state"/>.</summary>
        public static bool LooksLike(SocketApi api, object target, SocketState state) => api switch
        {
            SocketApi.Socket => SocketLooksLike((Socket)target, state),
            SocketApi.TcpListener => ListenerLooksLike((TcpListener)target, state),
            SocketApi.TcpClient => ClientLooksLike(((TcpClient)target).Client, state),
            SocketApi.UdpClient => ClientLooksLike(((UdpClient)target).Client, state),
            SocketApi.NetworkStream => (state == SocketState.Closed) == !((NetworkStream)target).CanRead,
            _ => false,
        };

        private static bool SocketLooksLike(Socket socket, SocketState state)
        {
            if (socket.SafeHandle.IsClosed)
            {
                return state == SocketState.Closed;
            }

            var listening = socket.SocketType == SocketType.Stream && (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection)! != 0;
            return state switch
            {
                SocketState.Created => !socket.IsBound && !listening && !socket.Connected,
                SocketState.Bound => socket.IsBound && !listening && !socket.Connected,
                SocketState.Listening => listening,
                SocketState.Connected => socket.Connected,
                SocketState.Closed => false,
                _ => !listening,
            };
        }

        private static bool ClientLooksLike(Socket? socket, SocketState state) =>
            socket is null ? state == SocketState.Closed : SocketLooksLike(socket, state);

        private static bool ListenerLooksLike(TcpListener listener, SocketState state)
        {
            try
            {
                listener.Pending();
                return state == SocketState.Listening;
            }
            catch (InvalidOperationException)
            {
                return state == SocketState.Created;
            }
        }
    }
}
