using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class StreamOnUnconnectedSocketRuleTests
    {
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.StreamOnUnconnectedSocket);

        [Fact]
        public async Task GetStreamBeforeConnect_Reports()
        {
            const string source = """
                using System.Net.Sockets;

                class C
                {
                    NetworkStream M()
                    {
                        var client = {|#1:new TcpClient()|};
                        return client.{|#0:GetStream|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("client", "GetStream", "not connected", "throws InvalidOperationException"));
        }

        [Fact]
        public async Task NetworkStreamOverUnconnectedSocket_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    NetworkStream M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Bind(ep)|};
                        return new {|#0:NetworkStream|}(s, ownsSocket: true);
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("s", "new NetworkStream", "bound after 'Bind'", "throws IOException"));
        }

        [Fact]
        public async Task ConnectedFirst_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep, Socket listener)
                    {
                        using var client = new TcpClient();
                        await client.ConnectAsync(ep);
                        using var stream = client.GetStream();

                        using var direct = new TcpClient("localhost", 80);
                        using var other = direct.GetStream();

                        using var throughSocket = new TcpClient();
                        throughSocket.Client.Connect(ep);
                        using var third = throughSocket.GetStream();

                        var accepted = await listener.AcceptAsync();
                        using var wrapped = new NetworkStream(accepted, ownsSocket: true);
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
