// Sockets handed to NetworkStream, SslStream, StreamReader and StreamWriter: who owns what (measured: J7).
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Leaks
{
    public static class Streams
    {
        // new NetworkStream(socket) does not own the socket: disposing the stream leaves the socket open.
        public static string ReadLine(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK201
            socket.Connect(endPoint);
            using var stream = new NetworkStream(socket);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return reader.ReadLine() ?? "";
        }

        // ownsSocket: true hands the socket to the stream; the reader owns the stream.
        public static string ReadLineOwned(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(endPoint);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            using var reader = new StreamReader(new NetworkStream(socket, ownsSocket: true), Encoding.ASCII);
            return reader.ReadLine() ?? "";
        }

        // Returned wrapped in a stream that owns it: the caller disposes the stream.
        public static Stream OpenStream(Socket connected) => new NetworkStream(connected, ownsSocket: true);

        // TcpClient.GetStream(): the stream belongs to the client; not disposing it is correct.
        public static async Task<int> SendAsync(TcpClient client, byte[] payload, CancellationToken token)
        {
            var stream = client.GetStream();
            await stream.WriteAsync(payload, token);
            await stream.FlushAsync(token);
            return payload.Length;
        }

        // A TLS client: SslStream owns the NetworkStream (leaveInnerStreamOpen: false), which owns the socket.
        public static async Task<SslStream> OpenTlsAsync(Socket connected, string host, CancellationToken token)
        {
            var tls = new SslStream(new NetworkStream(connected, ownsSocket: true), leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, token);
                return tls;
            }
            catch
            {
                await tls.DisposeAsync();
                throw;
            }
        }

        // The TcpClient is disposed; the stream it gave out need not be.
        public static async Task<string> FetchBannerAsync(string host, int port, CancellationToken token)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, token);
            var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
            return await reader.ReadLineAsync(token) ?? "";
        }

        // The stream is disposed but the TcpClient is not: TcpClient.Dispose would have closed both, and disposing
        // the stream of GetStream() closes the socket too (J7), so nothing leaks on the normal path; a failed ConnectAsync leaks the client.
        public static async Task WriteAndCloseStreamAsync(string host, int port, byte[] payload, CancellationToken token)
        {
            var client = new TcpClient(); // expect: SOCK202
            await client.ConnectAsync(host, port, token);
            await using var stream = client.GetStream();
            await stream.WriteAsync(payload, token);
        }

        // Neither the client nor its stream is closed.
        public static async Task FireAndForgetAsync(string host, int port, byte[] payload, CancellationToken token)
        {
            var client = new TcpClient(); // expect: SOCK201
            await client.ConnectAsync(host, port, token);
            await client.GetStream().WriteAsync(payload, token);
        }

        // A writer over a non-owning NetworkStream: the writer closes the stream, not the socket.
        public static void WriteBanner(Socket accepted, string banner)
        {
            using var writer = new StreamWriter(new NetworkStream(accepted), Encoding.ASCII);
            writer.WriteLine(banner);
        }

        // An SslStream that leaves the inner stream open, over a stream that owns the socket: the inner stream is
        // never disposed, so the socket leaks.
        public static async Task<string> ProbeTlsAsync(EndPoint endPoint, string host, CancellationToken token)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp); // expect: SOCK202
            await socket.ConnectAsync(endPoint, token);
            var inner = new NetworkStream(socket, ownsSocket: true); // expect: SOCK201
            using var tls = new SslStream(inner, leaveInnerStreamOpen: true);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, token);
            return tls.SslProtocol.ToString();
        }
    }
}
