using System;
using System.Net.Sockets;

namespace SocketAnalyzers.RuntimeVerifier.Tests
{
    /// <summary>A connected loopback TCP pair (client and accepted server side), disposed together.</summary>
    internal sealed class ConnectedPair : IDisposable
    {
        private ConnectedPair(Socket listener, Socket client, Socket server)
        {
            this.Listener = listener;
            this.Client = client;
            this.Server = server;
        }

        public Socket Listener { get; }

        public Socket Client { get; }

        public Socket Server { get; }

        public static ConnectedPair Open()
        {
            var listener = Loopback.Tcp();
            listener.Bind(Loopback.AnyPort);
            listener.Listen();
            var client = Loopback.Tcp();
            client.Connect(listener.LocalEndPoint!);
            var server = listener.Accept();
            return new ConnectedPair(listener, client, server);
        }

        public void Dispose()
        {
            this.Client.Dispose();
            this.Server.Dispose();
            this.Listener.Dispose();
        }
    }
}
