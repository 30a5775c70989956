using System.Threading.Tasks;
using Verify = SocketAnalyzers.Tests.Rules.Lifetime.LifetimeVerifier;

namespace SocketAnalyzers.Tests.Rules.Lifetime
{
    /// <summary>
    /// Code typed mid-edit: a socket created with arguments that match no constructor is still tracked (owned, state
    /// unknown), and a call on it that does not bind lends it instead of handing it off.
    /// </summary>
    public sealed class MidEditCodeTests
    {
        private const string NotDisposed = "SOCK201";

        [Fact]
        public async Task CreationThatDoesNotBind_StillReported()
        {
            const string source = /* lang=c#-test */ """
                using System.Net.Sockets;

                class C
                {
                    void Run(byte[] data)
                    {
                        var client = {|#0:new TcpClient({|CS1503:data|})|};
                        client.GetStream().Write(data, 0, data.Length);
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        [Fact]
        public async Task CallThatDoesNotBind_LendsTheSocket()
        {
            const string source = /* lang=c#-test */ """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Run(IPEndPoint ep)
                    {
                        var client = {|#0:new TcpClient()|};
                        client.{|CS1061:Conect|}(ep);
                    {|#1:}|}
                }
                """;

            await Verify.VerifyAsync(NotDisposed, source, Verify.Diagnostic(NotDisposed).WithLocation(0).WithLocation(1).WithArguments("client", "no path closes it before the method ends"));
        }

        [Theory]
        [InlineData("var client = new TcpClient({|CS1503:data|}); client.Dispose();")]
        [InlineData("var client = new TcpClient(); client.{|CS1061:Conect|}(ep); client.Dispose();")]
        [InlineData("var client = new TcpClient(); {|CS0103:Keep|}(client);")]
        [InlineData("var client = new TcpClient(); {|CS0103:sessions|}.Add(client);")]
        public async Task DisposedOrPassedToUnboundCode_DoesNotReport(string body)
        {
            // An argument of code that does not bind may be kept by it once it compiles: no report.
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Run(IPEndPoint ep, byte[] data)
                    {
                """ + body + """

                    }
                }
                """;

            await Verify.VerifyAsync(NotDisposed, source);
        }

        [Theory]
        [InlineData("SOCK103", "var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.{|CS1061:Bnd|}(ep); s.Listen(1); s.Dispose();")]
        [InlineData("SOCK105", "var s = new {|CS1729:Socket|}(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp, ep); s.Send(new byte[1]); s.Dispose();")]
        public async Task UnknownStateAfterUnboundCode_ProtocolRulesStaySilent(string id, string body)
        {
            var source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void Run(IPEndPoint ep)
                    {
                """ + body + """

                    }
                }
                """;

            await Verify.VerifyAsync(id, source);
        }
    }
}
