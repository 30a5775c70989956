using System.Threading.Tasks;
using SocketAnalyzers.Tests.Rules.Protocol;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.SocketFlowAnalyzer,
    SocketAnalyzers.CodeFixes.Protocol.MoveOptionBeforeBindFix>;

namespace SocketAnalyzers.Tests.CodeFixes.Protocol
{
    public sealed class MoveOptionBeforeBindFixTests
    {
        [Fact]
        public async Task OptionsAfterBind_MoveBeforeIt_InOrder_AndFixAllFixesEveryOption()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#1:s.Bind(ep)|};
                        // Refuse to share the port.
                        s.{|#0:ExclusiveAddressUse|} = true;
                        s.{|#2:SetSocketOption|}(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                        s.Listen();
                    }
                }
                """;
            const string fixedSource = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        // Refuse to share the port.
                        s.ExclusiveAddressUse = true;
                        s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                        s.Bind(ep);
                        s.Listen();
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK108").WithLocation(0).WithLocation(1).WithArguments("s", "ExclusiveAddressUse", "bound after 'Bind'", PreBindOptionTooLateRuleTests.OptionThrows),
                    Verify.Diagnostic("SOCK108").WithLocation(2).WithLocation(1).WithArguments("s", "SetSocketOption", "bound after 'Bind'", PreBindOptionTooLateRuleTests.TooLate),
                },
                fixedSource);
        }

        [Fact]
        public async Task OptionAfterImplicitBind_MovesBeforeStartOrAwaitedConnect()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        {|#1:listener.Start()|};
                        listener.{|#0:ExclusiveAddressUse|} = true;

                        var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        await {|#3:v6.ConnectAsync(ep)|};
                        v6.{|#2:DualMode|} = true;
                    }
                }
                """;
            const string fixedSource = """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                class C
                {
                    async Task M(IPEndPoint ep)
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 0);
                        listener.ExclusiveAddressUse = true;
                        listener.Start();

                        var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                        v6.DualMode = true;
                        await v6.ConnectAsync(ep);
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK108").WithLocation(0).WithLocation(1).WithArguments("listener", "ExclusiveAddressUse", "listening after 'Start'", "throws InvalidOperationException"),
                    Verify.Diagnostic("SOCK108").WithLocation(2).WithLocation(3).WithArguments("v6", "DualMode", "connected after 'ConnectAsync'", PreBindOptionTooLateRuleTests.OptionThrows),
                },
                fixedSource);
        }

        [Fact]
        public async Task TwoCausesOrValueComputedAfterBind_OffersNoFix()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep, bool early)
                    {
                        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        if (early)
                        {
                            {|#1:s.Bind(ep)|};
                        }
                        else
                        {
                            {|#4:s.Bind(ep)|};
                        }

                        s.{|#0:ExclusiveAddressUse|} = true;

                        var t = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        {|#3:t.Bind(ep)|};
                        var exclusive = ep.Port != 0;
                        t.{|#2:ExclusiveAddressUse|} = exclusive;
                    }
                }
                """;

            await Verify.VerifyFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("SOCK108").WithLocation(0).WithLocation(1).WithLocation(4).WithArguments("s", "ExclusiveAddressUse", "bound after 'Bind'", PreBindOptionTooLateRuleTests.OptionThrows),
                    Verify.Diagnostic("SOCK108").WithLocation(2).WithLocation(3).WithArguments("t", "ExclusiveAddressUse", "bound after 'Bind'", PreBindOptionTooLateRuleTests.OptionThrows),
                },
                source);
        }
    }
}
