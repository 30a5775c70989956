using System.Threading.Tasks;
using SocketAnalyzers.Diagnostics;
using SocketAnalyzers.Tests.Verifiers;

namespace SocketAnalyzers.Tests.Rules.Protocol
{
    public sealed class TcpListenerAcceptWhenNotStartedRuleTests
    {
        private const string Throws = "throws InvalidOperationException (not listening)";
        private static readonly ProtocolRuleVerifier Verify = ProtocolRuleVerifier.For(DiagnosticIds.TcpListenerAcceptWhenNotStarted);

        [Theory]
        [InlineData("AcceptTcpClient()", "AcceptTcpClient")]
        [InlineData("AcceptSocket()", "AcceptSocket")]
        [InlineData("AcceptTcpClientAsync()", "AcceptTcpClientAsync")]
        [InlineData("Pending()", "Pending")]
        public async Task AcceptBeforeStart_Reports(string call, string member)
        {
            var source = $$"""
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M()
                    {
                        var listener = {|#1:new TcpListener(IPAddress.Loopback, 0)|};
                        listener.{|#0:{{member}}|}{{call.Substring(member.Length)}};
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("listener", member, "not started", Throws));
        }

        [Fact]
        public async Task AcceptAfterStop_Reports()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.Start();
                        {|#1:listener.Stop()|};
                        using var client = await listener.{|#0:AcceptTcpClientAsync|}();
                    }
                }
                """;

            await Verify.VerifyAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("listener", "AcceptTcpClientAsync", "stopped after 'Stop'", Throws));
        }

        [Fact]
        public async Task StartedOnSomePathOrRestarted_DoesNotReport()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(bool start, TcpListener parameter)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        if (start)
                        {
                            listener.Start();
                        }

                        listener.AcceptSocket();

                        var restarted = new TcpListener(IPAddress.Loopback, 0);
                        restarted.Start();
                        restarted.Stop();
                        restarted.Start();
                        while (restarted.Pending())
                        {
                            restarted.AcceptTcpClient().Dispose();
                        }

                        parameter.AcceptSocket();
                    }
                }
                """;

            await Verify.VerifyAsync(source);
        }
    }
}
