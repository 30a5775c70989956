namespace SocketAnalyzers.RuntimeVerifier.Tests.Generator
{
    /// <summary>The call-site shapes the generator must handle, one small program each.</summary>
    internal static class GeneratorSources
    {
        public const string InstanceCalls = /* lang=c#-test */ """
            using System.Net;
            using System.Net.Sockets;

            class Server
            {
                void Run(EndPoint endPoint)
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                    socket.Bind(endPoint);
                    socket.Listen(10);
                    Socket accepted = socket.Accept();
                    accepted.Shutdown(SocketShutdown.Send);
                }
            }
            """;

        public const string ConditionalAccess = /* lang=c#-test */ """
            using System.Net.Sockets;

            class Holder
            {
                Socket? socket;

                void Stop() => socket?.Close();
            }
            """;

        public const string SocketSubclass = /* lang=c#-test */ """
            using System.Net;
            using System.Net.Sockets;

            class MySocket : Socket
            {
                MySocket() : base(SocketType.Stream, ProtocolType.Tcp)
                {
                }

                void Open(EndPoint endPoint)
                {
                    Bind(endPoint);
                    this.Listen();
                }
            }
            """;

        public const string GenericMethod = /* lang=c#-test */ """
            using System.Net.Sockets;

            static class Helpers
            {
                static void Stop<TSocket>(TSocket socket)
                    where TSocket : Socket
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            """;

        public const string ExtensionMethod = /* lang=c#-test */ """
            using System.Net.Sockets;

            static class SocketExtensions
            {
                public static void AllowReuse(this Socket socket) =>
                    socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);

                static void Use(Socket socket) => socket.AllowReuse();
            }
            """;

        public const string AsyncMethods = /* lang=c#-test */ """
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Client
            {
                async Task<int> RunAsync(TcpClient client, Memory<byte> buffer)
                {
                    await client.ConnectAsync(IPAddress.Loopback, 80);
                    var stream = client.GetStream();
                    return await stream.ReadAsync(buffer);
                }
            }
            """;

        public const string SpanOutAndBorrowed = /* lang=c#-test */ """
            using System;
            using System.Net.Sockets;

            class Transfer
            {
                int Run(TcpClient client, Span<byte> buffer, byte[] data)
                {
                    client.Client.Send(data, 0, data.Length, SocketFlags.None, out SocketError error);
                    return client.Client.Receive(buffer);
                }
            }
            """;

        public const string AsyncAccepts = /* lang=c#-test */ """
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class AcceptLoop
            {
                async Task RunAsync(TcpListener listener, CancellationToken cancellation)
                {
                    using var first = await listener.AcceptTcpClientAsync();
                    using var second = await listener.AcceptTcpClientAsync(cancellation);
                }
            }
            """;

        public const string NotASocketMember = /* lang=c#-test */ """
            using System.IO;
            using System.Net.Sockets;

            class Other
            {
                void Run(Stream stream, Socket socket)
                {
                    stream.Flush();
                    _ = socket.Connected;
                    Bind();
                }

                void Bind()
                {
                }
            }
            """;
    }
}
