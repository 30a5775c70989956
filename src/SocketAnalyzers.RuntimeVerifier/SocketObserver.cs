using System;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;
using static SocketAnalyzers.Protocol.SocketState;

namespace SocketAnalyzers.RuntimeVerifier
{
    /// <summary>
    /// Reads what an object's own public state says about its protocol state, to catch up with transitions made by
    /// code that was not intercepted (other assemblies, TcpListener.Start binding its socket, a <c>using</c>
    /// statement disposing it). Only public members with no side effect on the socket are read; never
    /// <c>Socket.Handle</c> or <c>SafeHandle</c>, whose getters mark the handle as exposed and change connect-retry
    /// behaviour on Unix (socket-semantics C4 vs C5).
    /// </summary>
    internal static class SocketObserver
    {
        private static readonly SocketStates Unbound = SocketStates.Of(Created, Listening, Closed);

        // IsBound stays true after Close, and Connected turns false after Shutdown, Disconnect and failed I/O.
        private static readonly SocketStates BoundNotConnected = SocketStates.Any.Without(Created);

        /// <summary>The kind (transport and family) of the object's socket, read once when it is first seen.</summary>
        public static SocketKind KindOf(object target) => target switch
        {
            Socket socket => SocketConstructorRules.KindOf((int)socket.AddressFamily, (int)socket.SocketType),
            TcpClient { Client: { } socket } => new SocketKind(SocketTransport.Stream, FamilyOf(socket)),
            UdpClient { Client: { } socket } => new SocketKind(SocketTransport.Datagram, FamilyOf(socket)),
            UdpClient => new SocketKind(SocketTransport.Datagram, SocketFamily.Unknown),
            NetworkStream { Socket: { } socket } => new SocketKind(SocketTransport.Stream, FamilyOf(socket)),
            _ => new SocketKind(SocketTransport.Stream, SocketFamily.Unknown),
        };

        /// <summary>
        /// The states the object may be in, judging from what it exposes, among those its API can reach. The probes
        /// (listening, disposed) cost a system call or an exception: they run when an object is first seen and before
        /// a report, never on the hot path. <paramref name="fresh"/>: the object was created by a <c>new</c> in the
        /// calling method and this is the first call seen on it, so a false <c>Connected</c> cannot come from a failed
        /// transfer on a connection (the only way Connected drops while the socket stays connected).
        /// </summary>
        public static SocketStates Observe(SocketApi api, object target, bool fresh)
        {
            var observed = target switch
            {
                Socket socket => ObserveSocket(socket, fresh),
                TcpClient client => client.Client is { } socket ? ObserveSocket(socket, fresh) : SocketStates.Of(Closed),
                UdpClient client => client.Client is { } socket ? ObserveSocket(socket, fresh) : SocketStates.Of(Closed),
                NetworkStream stream => stream.CanRead || stream.CanWrite ? SocketStates.Of(Connected) : SocketStates.Of(Closed),
                TcpListener listener => ObserveListener(listener),
                _ => SocketStates.Any,
            };
            var possible = observed.Intersect(ProtocolIndex.StatesOf(api));
            return possible.IsEmpty ? observed : possible;
        }

        /// <summary>True unless the object is known to be closed: what the leak detector asks from a finalizer.</summary>
        public static bool IsOpen(object target) => target switch
        {
            Socket socket => !IsDisposed(socket),
            TcpClient client => client.Client is { } socket && !IsDisposed(socket),
            UdpClient client => client.Client is { } socket && !IsDisposed(socket),
            TcpListener listener => ActivityOf(listener) != ListenerActivity.Stopped,
            NetworkStream stream => stream.CanRead || stream.CanWrite,
            _ => false,
        };

        /// <summary>
        /// Merges the tracked states with the observed ones, never moving backwards: what both agree on if they agree,
        /// otherwise the observed states reachable from the tracked ones (a transition the verifier did not see),
        /// otherwise the observation alone.
        /// </summary>
        public static SocketStates Resynchronise(SocketApi api, SocketStates tracked, SocketStates observed)
        {
            var agreed = tracked.Intersect(observed);
            if (!agreed.IsEmpty)
            {
                return agreed;
            }

            var caughtUp = ProtocolIndex.ReachableFrom(api, tracked).Intersect(observed);
            return caughtUp.IsEmpty ? observed : caughtUp;
        }

        private static SocketFamily FamilyOf(Socket socket) =>
            SocketConstructorRules.KindOf((int)socket.AddressFamily, (int)socket.SocketType).Family;

        private static SocketStates ObserveSocket(Socket socket, bool fresh)
        {
            if (socket.Connected)
            {
                return SocketStates.Of(Connected);
            }

            var observed = socket.IsBound ? BoundNotConnected : Unbound;
            if (fresh)
            {
                observed = observed.Without(Connected);
            }

            try
            {
                // SO_ACCEPTCONN: the only public way to tell a listening socket, bound or not (A1 leaves IsBound false).
                var listening = socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection) is int flag && flag != 0;
                return listening ? SocketStates.Of(Listening) : observed.Without(Listening).Without(Closed);
            }
            catch (ObjectDisposedException)
            {
                return SocketStates.Of(Closed);
            }
            catch (SocketException)
            {
                // A platform without SO_ACCEPTCONN: keep what the properties say.
                return observed;
            }
        }

        private static SocketStates ObserveListener(TcpListener listener) => ActivityOf(listener) switch
        {
            ListenerActivity.Stopped => SocketStates.Of(Created),
            ListenerActivity.Listening => SocketStates.Of(Listening),
            _ => SocketStates.Of(Created, Listening),
        };

        private static ListenerActivity ActivityOf(TcpListener listener)
        {
            try
            {
                // Pending() throws InvalidOperationException unless the listener is started; otherwise it only polls.
                _ = listener.Pending();
                return ListenerActivity.Listening;
            }
            catch (ObjectDisposedException)
            {
                // Started, and its socket was closed behind its back (finalized, or listener.Server disposed).
                return ListenerActivity.StartedOnClosedSocket;
            }
            catch (InvalidOperationException)
            {
                return ListenerActivity.Stopped;
            }
            catch (SocketException)
            {
                return ListenerActivity.StartedOnClosedSocket;
            }
        }

        private static bool IsDisposed(Socket socket)
        {
            try
            {
                _ = socket.Available;
                return false;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private enum ListenerActivity
        {
            Stopped,
            Listening,
            StartedOnClosedSocket,
        }
    }
}
