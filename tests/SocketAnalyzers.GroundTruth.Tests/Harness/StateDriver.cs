using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using SocketAnalyzers.Protocol;

namespace SocketAnalyzers.GroundTruth.Tests.Harness
{
    /// <summary>
    /// Drives a real Socket, TcpListener, TcpClient, UdpClient or NetworkStream into a protocol state, by every route
    /// that leads there (a connected stream socket may be the connecting or the accepted side). A state the API
    /// cannot reach yields no route and the reason, which the tests report.
    /// </summary>
    internal static class StateDriver
    {
        public static IReadOnlyList<StateRoute> Routes(SocketApi api, SocketKind kind, SocketState state, out string? unreachable)
        {
            unreachable = null;
            var routes = api switch
            {
                SocketApi.Socket => SocketRoutes(kind, state),
                SocketApi.TcpListener => TcpListenerRoutes(kind, state),
                SocketApi.TcpClient => TcpClientRoutes(kind, state),
                SocketApi.UdpClient => UdpClientRoutes(kind, state),
                SocketApi.NetworkStream => NetworkStreamRoutes(state),
                _ => Array.Empty<StateRoute>(),
            };

            if (routes.Length == 0)
            {
                unreachable = UnreachableReason(api, kind, state);
            }

            return routes;
        }

        private static string UnreachableReason(SocketApi api, SocketKind kind, SocketState state) => (api, state) switch
        {
            (SocketApi.Socket, SocketState.Listening) => "a datagram socket never listens: Listen throws OperationNotSupported (A2, A3)",
            (SocketApi.TcpListener, _) => "not a TcpListener state: Stop and Dispose return it to Created (J3)",
            (SocketApi.NetworkStream, _) => "a NetworkStream exists only over a connected socket (J6): Connected, then Closed",
            (SocketApi.TcpClient or SocketApi.UdpClient, _) => $"{api} exposes no member that leads to {state}",
            _ => $"no route to {state} for {api} ({kind})",
        };

        private static StateRoute[] SocketRoutes(SocketKind kind, SocketState state)
        {
            Socket New(Scenario s) => s.NewSocket(kind);
            Socket ConnectedSocket(Scenario s)
            {
                var socket = New(s);
                s.Connect(socket, kind);
                return socket;
            }

            StateRoute Shutdown(SocketShutdown how) => new("Connect, Shutdown(" + how + ")", s =>
            {
                var socket = ConnectedSocket(s);
                socket.Shutdown(how);
                return socket;
            });

            return state switch
            {
                SocketState.Created => new[] { new StateRoute("new", New, neverBound: true) },
                SocketState.Bound => new[] { new StateRoute("Bind", s => Bind(New(s), s, kind)) },
                SocketState.Listening when kind.Transport == SocketTransport.Stream => new[]
                {
                    new StateRoute("Bind, Listen", s =>
                    {
                        var socket = Bind(New(s), s, kind);
                        socket.Listen();
                        return socket;
                    }),
                },
                SocketState.Connected when kind.Transport == SocketTransport.Stream => new[]
                {
                    // A connecting AF_UNIX socket gets no name (no implicit bind, unlike E11 on IP).
                    new StateRoute("Connect", ConnectedSocket, neverBound: kind.Family == SocketFamily.Unix),
                    new StateRoute("accepted", s => s.Connect(New(s), kind)!),
                },
                SocketState.Connected => new[] { new StateRoute("Connect", ConnectedSocket) },
                SocketState.ShutdownSend => new[] { Shutdown(SocketShutdown.Send) },
                SocketState.ShutdownReceive => new[] { Shutdown(SocketShutdown.Receive) },
                SocketState.ShutdownBoth => new[] { Shutdown(SocketShutdown.Both) },
                SocketState.Closed => new[]
                {
                    new StateRoute("new, Close", s => Close(New(s)), neverBound: true),
                    new StateRoute("Connect, Dispose", s => Close(ConnectedSocket(s))),
                },
                _ => Array.Empty<StateRoute>(),
            };
        }

        private static StateRoute[] TcpListenerRoutes(SocketKind kind, SocketState state)
        {
            TcpListener New(Scenario s) => s.Own(new TcpListener(Scenario.LoopbackOf(kind.Family), 0));
            return state switch
            {
                SocketState.Created => new[]
                {
                    new StateRoute("new", New),
                    new StateRoute("Start, Stop", s =>
                    {
                        var listener = New(s);
                        listener.Start();
                        listener.Stop();
                        return listener;
                    }),
                },
                SocketState.Listening => new[]
                {
                    new StateRoute("Start", s =>
                    {
                        var listener = New(s);
                        listener.Start();
                        return listener;
                    }),
                },
                _ => Array.Empty<StateRoute>(),
            };
        }

        private static StateRoute[] TcpClientRoutes(SocketKind kind, SocketState state)
        {
            TcpClient New(Scenario s) => Timed(s.Own(new TcpClient(Scenario.AddressFamilyOf(kind.Family))));
            TcpClient ConnectedClient(Scenario s)
            {
                var client = New(s);
                s.ConnectStream(kind.Family, endpoint => client.Connect((IPEndPoint)endpoint));
                return client;
            }

            return state switch
            {
                SocketState.Created => new[] { new StateRoute("new TcpClient(family)", New) },
                SocketState.Bound => new[] { new StateRoute("new TcpClient(localEP)", s => Timed(s.Own(new TcpClient(new IPEndPoint(Scenario.LoopbackOf(kind.Family), 0))))) },
                SocketState.Connected => new[] { new StateRoute("Connect", ConnectedClient) },
                SocketState.Closed => new[]
                {
                    new StateRoute("new, Close", s => Close(New(s))),
                    new StateRoute("Connect, Dispose", s => Close(ConnectedClient(s))),
                },
                _ => Array.Empty<StateRoute>(),
            };
        }

        private static StateRoute[] UdpClientRoutes(SocketKind kind, SocketState state)
        {
            UdpClient New(Scenario s) => Timed(s.Own(new UdpClient(Scenario.AddressFamilyOf(kind.Family))));
            return state switch
            {
                SocketState.Created => new[] { new StateRoute("new UdpClient(family)", New) },
                SocketState.Bound => new[] { new StateRoute("new UdpClient(localEP)", s => Timed(s.Own(new UdpClient(new IPEndPoint(Scenario.LoopbackOf(kind.Family), 0))))) },
                SocketState.Connected => new[]
                {
                    new StateRoute("Connect", s =>
                    {
                        var client = New(s);
                        client.Connect((IPEndPoint)s.DatagramPeer(kind.Family));
                        return client;
                    }),
                },
                SocketState.Closed => new[] { new StateRoute("new, Close", s => Close(New(s))) },
                _ => Array.Empty<StateRoute>(),
            };
        }

        private static StateRoute[] NetworkStreamRoutes(SocketState state)
        {
            var kind = SocketKind.TcpV4;
            NetworkStream OverSocket(Scenario s)
            {
                var socket = s.NewSocket(kind);
                s.Connect(socket, kind);
                return Timed(s.Own(new NetworkStream(socket)));
            }

            NetworkStream FromTcpClient(Scenario s)
            {
                var client = s.Own(new TcpClient(AddressFamily.InterNetwork));
                s.ConnectStream(kind.Family, endpoint => client.Connect((IPEndPoint)endpoint));
                return Timed(client.GetStream());
            }

            return state switch
            {
                SocketState.Connected => new[] { new StateRoute("new NetworkStream(connected socket)", OverSocket), new StateRoute("TcpClient.GetStream()", FromTcpClient) },
                SocketState.Closed => new[]
                {
                    new StateRoute("new NetworkStream(connected socket), Dispose", s => Close(OverSocket(s))),
                    new StateRoute("TcpClient.GetStream(), Close", s => Close(FromTcpClient(s))),
                },
                _ => Array.Empty<StateRoute>(),
            };
        }

        private static Socket Bind(Socket socket, Scenario scenario, SocketKind kind)
        {
            socket.Bind(scenario.BindEndpoint(kind.Family));
            return socket;
        }

        private static T Close<T>(T disposable)
            where T : IDisposable
        {
            disposable.Dispose();
            return disposable;
        }

        private static TcpClient Timed(TcpClient client)
        {
            client.ReceiveTimeout = Scenario.SocketTimeoutMilliseconds;
            client.SendTimeout = Scenario.SocketTimeoutMilliseconds;
            return client;
        }

        private static UdpClient Timed(UdpClient client)
        {
            client.Client.ReceiveTimeout = Scenario.SocketTimeoutMilliseconds;
            client.Client.SendTimeout = Scenario.SocketTimeoutMilliseconds;
            return client;
        }

        private static NetworkStream Timed(NetworkStream stream)
        {
            stream.ReadTimeout = Scenario.SocketTimeoutMilliseconds;
            stream.WriteTimeout = Scenario.SocketTimeoutMilliseconds;
            return stream;
        }
    }
}
