using System.Threading.Tasks;
using SocketAnalyzers.Tests.Rules.Protocol;
using Verify = SocketAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SocketAnalyzers.Rules.Protocol.SocketProtocolAnalyzer,
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
        public async Task BoundByListenOrValueComputedAfterBind_OffersNoFix()
        {
            const string source = """
                using System.Net;
                using System.Net.Sockets;

                class C
                {
                    void M(IPEndPoint ep)
                    {
                        var s = {|#5:new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)|};
                        {|#1:s.{|#4:Listen|}()|};
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
                    Verify.Diagnostic("SOCK108").WithLocation(0).WithLocation(1).WithArguments("s", "ExclusiveAddressUse", "listening after 'Listen'", PreBindOptionTooLateRuleTests.OptionThrows),
                    Verify.Diagnostic("SOCK108").WithLocation(2).WithLocation(3).WithArguments("t", "ExclusiveAddressUse", "bound after 'Bind'", PreBindOptionTooLateRuleTests.OptionThrows),
                    Verify.Diagnostic("SOCK103").WithLocation(4).WithLocation(5).WithArguments("s", "Listen", "unbound", ListenOnUnboundSocketRuleTests.Outcome),
                },
                source);
        }
    }
}
