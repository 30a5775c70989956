using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// A reader, writer or stream over the stream of <c>GetStream()</c> owns that stream, which owns the client's
    /// socket (socket-semantics J7): disposing the wrapper closes the connection, returning it hands the connection
    /// off, and a wrapper told to leave the stream open closes nothing.
    /// </summary>
    public sealed class StreamWrapperOwnershipTests
    {
        private const string Accepted = "SOCK203";
        private const string NotDisposed = "SOCK201";

        private static string Server(string body) => """
            using System.IO;
            using System.Net.Security;
            using System.Net.Sockets;
            using System.Text;

            class Server
            {
                static void Serve(TcpListener listener)
                {
            """ + body + """

                }
            }
            """;

        [Theory]
        [InlineData("var c = listener.AcceptTcpClient(); var r = new StreamReader(c.GetStream()); r.ReadLine(); r.Dispose();")]
        [InlineData("var c = listener.AcceptTcpClient(); using (var r = new StreamReader(c.GetStream(), Encoding.ASCII)) { r.ReadLine(); }")]
        [InlineData("var c = listener.AcceptTcpClient(); var s = c.GetStream(); using var w = new StreamWriter(s); w.WriteLine(\"hi\"); w.Flush();")]
        [InlineData("var c = listener.AcceptTcpClient(); using var b = new BinaryWriter(c.GetStream()); b.Write(1);")]
        [InlineData("var c = listener.AcceptTcpClient(); using var ssl = new SslStream(c.GetStream()); ssl.AuthenticateAsServer((System.Security.Cryptography.X509Certificates.X509Certificate)null!);")]
        public async Task WrapperDisposed_DoesNotReport(string body)
        {
            await Verify.VerifyAsync(Accepted, Server(body));
        }

        [Theory]
        [InlineData("var c = {|#0:listener.AcceptTcpClient()|}; var r = new StreamReader(c.GetStream()); r.ReadLine();")]
        [InlineData("var c = {|#0:listener.AcceptTcpClient()|}; using (var r = new StreamReader(c.GetStream(), Encoding.ASCII, false, 1024, leaveOpen: true)) { r.ReadLine(); }")]
        public async Task WrapperNotDisposedOrLeftOpen_Reports(string body)
        {
            var source = Server(body + "\n{|#1:}|}\nvoid Unused() {");
            await Verify.VerifyAsync(Accepted, source, Verify.Diagnostic(Accepted).WithLocation(0).WithLocation(1).WithArguments("AcceptTcpClient", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task WrapperReturned_HandsTheClientOff()
        {
            var source = """
                using System.IO;
                using System.Net.Sockets;

                class Client
                {
                    static StreamReader Open(string host)
                    {
                        var c = new TcpClient();
                        try
                        {
                            c.Connect(host, 80);
                            return new StreamReader(c.GetStream());
                        }
                        catch
                        {
                            c.Dispose();
                            throw;
                        }
                    }
                }
                """;
            await Verify.VerifyAsync(NotDisposed, source);
        }
    }
}
